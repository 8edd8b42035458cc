"""Meetings: agendas, attendance and quorum, minutes with decisions and actions, approval."""
