"""Hostile quote texts: markup, editorial brackets and escape codes (shared by the core and UI tests)."""

HOSTILE = {
    "markup": "[bold]not bold[/bold] and [@click=app.quit]click me[/]",
    "brackets": "We will [sic] never [Applause] accept [laughs] this",
    "unbalanced": "a stray [/bold] closing tag and [link=https://example.org]a link[/link]",
    "escapes": "clear\x1b[2J screen, title\x1b]0;pwned\x07, clipboard\x1b]52;c;ZXZpbA==\x07, bell\x07 done",
}
