"""Accounts: the treasurer's books (accounts, categories, funds, entries), bank statements and
reconciliation, budgets, year end and Gift Aid."""
