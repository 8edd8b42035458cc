"""The Meetings area: the meetings list, a meeting's agenda, attendance and minutes, and the
action tracker."""
