#pragma once
// Text positions must match what is drawn: Scintilla measures characters one
// by one, but Pango draws ligatures ("ffi" as one glyph), which shifts the
// coding highlights away from their words. Turning ligatures off for this
// process (a fontconfig rule) keeps every coded range exactly under its text.

namespace quire::gui {

/// Turns off ligatures for every font this process draws. Call before any
/// text is drawn; safe to call more than once.
void disable_ligatures();

} // namespace quire::gui
