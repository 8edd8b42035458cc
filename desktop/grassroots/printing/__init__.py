"""Printed paper for the group: every PDF Grassroots makes is built here, with ReportLab.

Documents are built from plain frozen dataclasses (never a database session), and share one
letterhead, one style sheet and one set of fonts, so a register, a letter and a label sheet look
like they came from the same organisation.
"""
