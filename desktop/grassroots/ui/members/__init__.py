"""Parts of the People & Members page: the list's columns, filter bar and print/export actions."""
