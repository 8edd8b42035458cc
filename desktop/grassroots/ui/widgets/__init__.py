"""Small reusable widgets: lazy table model, money and date edits, search box, field errors."""
