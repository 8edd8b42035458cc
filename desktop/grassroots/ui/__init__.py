"""The PySide6 face of Grassroots: widgets only, talking to area services, never to SQL."""
