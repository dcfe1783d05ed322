#pragma once
// A read-only text view of a document (or one part of it, such as a survey
// answer) with its codings drawn in their codes' colours. Overlapping codings
// go on separate layers, each its own indicator, so overlaps stay visible.
// Core offsets are code points; Scintilla positions are UTF-8 bytes: every
// conversion goes through CodePointIndex.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/stc/stc.h>

#include "quire/base/text.h"
#include "quire/base/types.h"
#include "session.h"

namespace quire::gui {

class MainFrame;
class CommandRegistry;

/// A coding as laid out in a view: its layer (column) and colour, and
/// where its stripe goes: its coder's lane and the column in that lane.
struct LaidCoding {
  Coding coding;
  int layer = 0;
  wxColour colour;
  std::string path; ///< the code's path
  int lane = 0;     ///< index into CodedText::lanes()
  int column = 0;   ///< column within the lane (overlaps of one coder)
};

/// The stripes of one coder, side by side with the other coders' lanes.
struct CoderLane {
  std::string coder;
  int columns = 1; ///< columns its overlapping codings need (at least 1)
};

class CodedText : public wxStyledTextCtrl {
public:
  /// frame: whose session it shows and which it tells when it is the view in use.
  CodedText(wxWindow* parent, MainFrame& frame);
  ~CodedText() override;

  /// Shows text of document doc, which starts at code point base of it.
  void set_text(Id doc, std::string text, std::int64_t base = 0);
  void clear_text();
  Id document() const { return m_doc; }
  std::int64_t base() const { return m_base; }
  /// The shown text (UTF-8, the same bytes Scintilla holds).
  const std::string& shown_text() const { return m_text; }
  /// The shown length in code points.
  std::int64_t length() const { return m_index ? m_index->length() : 0; }

  /// Draws codings (document offsets; those outside the shown part are clipped).
  void set_codings(std::vector<Coding> codings);
  /// Reads the codings of the shown document again.
  void reload_codings();
  /// Updates the view for a change; only the codings it names are read again
  /// when that is all that changed (applying a code among thousands).
  void apply_change(const ChangeSet& c);
  const std::vector<LaidCoding>& laid() const { return m_laid; }
  /// Number of layers in use (columns of the coding stripes).
  int layers() const { return m_layers; }
  /// The coders' lanes of the stripes: one per coder when the shown
  /// codings come from more than one coder (or the shown coders named are
  /// several: each has a lane, empty or not), in the order the setting names
  /// them, else by name; one lane (coder "") otherwise, as a single coder's
  /// view has always looked.
  const std::vector<CoderLane>& lanes() const { return m_lanes; }
  /// Whether the stripes are in several coders' lanes.
  bool by_coder() const { return m_lanes.size() > 1; }
  /// Labels in the left margin (speaker and time of transcript turns), at
  /// the lines holding the given document code points.
  void set_margin_labels(const std::vector<std::pair<std::int64_t, std::string>>& labels);

  /// Shows document ranges (a transcript's "[00:00:04] Amira:" before each
  /// turn) in the label style: muted, the speaker bold-like, the text itself
  /// unchanged (codings keep their offsets).
  void set_label_ranges(const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges);
  /// Whether the label style is at document code point cp.
  bool is_label_at(std::int64_t cp) const;
  /// Width of the label margin in pixels (0: none shown).
  int margin_labels_width() const;

  /// The selection in document code points (empty when nothing is selected).
  TextSelection selection() const;
  /// Selects a document range and scrolls it into view (a few lines of
  /// context above it).
  void select_range(std::int64_t start, std::int64_t end);
  /// Selects a document range where it is: the view keeps its scroll
  /// position when the range's start is on screen, else scrolls just enough
  /// to show it (a click on a coding's stripe).
  void select_range_in_place(std::int64_t start, std::int64_t end);
  /// Scintilla position of document code point cp (clamped to the shown part).
  int pos_of(std::int64_t cp) const;
  /// Document code point of Scintilla position pos.
  std::int64_t cp_of(int pos) const;
  /// The codings covering document code point cp.
  std::vector<const LaidCoding*> codings_at(std::int64_t cp) const;
  /// The codings overlapping the selection (or at the caret when none).
  std::vector<const LaidCoding*> codings_in_selection() const;

  /// Text font size in points.
  void set_font_size(int points);

  /// Called with a code dropped onto the selection.
  std::function<void(Id)> on_code_dropped;

private:
  void setup_styles();
  /// Runs the commands' shortcuts before Scintilla's keymap can take them.
  void leave_shortcuts_to_commands(CommandRegistry& commands);
  /// Fills the indicators for m_laid, redrawing only what differs from old.
  void draw_indicators(const std::vector<LaidCoding>& old);
  /// Puts each laid coding in its coder's lane and a column of it.
  void lay_out_lanes();
  MainFrame& m_frame;
  Session& m_session;
  Id m_doc = 0;
  std::int64_t m_base = 0;
  std::string m_text;
  std::unique_ptr<CodePointIndex> m_index;
  std::vector<LaidCoding> m_laid;
  int m_layers = 0;
  std::vector<CoderLane> m_lanes{CoderLane{}};
};

} // namespace quire::gui
