// A Markdown list item's marker as CommonMark reads it: `-`, `*` or `+`, or up to nine digits and
// `.` or `)`. One source for the expressions that look for list items in lines of text.
export const LIST_MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;
