"""Members: membership types, memberships, renewals and subscription payments."""
