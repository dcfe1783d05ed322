#pragma once
// Analysis > Word Frequencies: the most frequent words of the project, of
// the text coded with a code or found by a coding query, of the passages of
// some cases ("Role = Teacher") and documents, one coder's codings, in a
// language, as many as asked, counted by core's word_frequencies() (what
// `quire words` counts), as a table and a word cloud. The project's stop words are shown
// and edited here (core: stop_words / set_stop_words). Choosing a word
// lists its places with the text around them (KWIC); "Code These Places…"
// codes them all in one undoable step.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "deferred.h"
#include "quire/analysis/analysis.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace quire::gui {

class DocumentsFilter;
class MainFrame;
class WordCloud;

class WordsPage : public wxPanel {
public:
  WordsPage(wxWindow* parent, MainFrame& frame);

  /// Counts the words for the choices made; a problem (a bad condition) is
  /// told in the status line. Returns whether it counted.
  bool run();
  /// Counts, throwing what word_frequencies() throws.
  void run_or_throw();
  void refresh_if_stale();
  /// The spec of the choices made (what run() counts with).
  WordFrequencySpec spec() const;
  /// Lists the places of word i of the table (what a click on it, in the
  /// table or the cloud, does).
  void choose_word(std::size_t i);
  /// Codes every place listed with the code at path (made when missing), in
  /// one undo step. Throws InputError when nothing is listed.
  void code_places(const std::string& path);
  void ask_and_code_places();
  /// The stop-word editor (a dialog, one word a line); stores the list.
  void edit_stop_words();
  /// Shows place i in its document (what double-click does).
  void open_place(long i);

  /// "All the text", "Text a coding query finds", then the codes.
  wxChoice& code_choice() { return *m_code; }
  /// The coding query (used when code_choice() says so; the CLI's --query).
  wxTextCtrl& query() { return *m_query; }
  /// "Everyone", then the coders (the CLI's --by).
  wxChoice& coder_choice() { return *m_coder; }
  /// The project's language, then each language (the CLI's --lang).
  wxChoice& language_choice() { return *m_lang; }
  /// "All", then 10, 20, 30, 50, 100, 200, 500, 1000 (the CLI's --limit).
  wxChoice& limit_choice() { return *m_limit; }
  DocumentsFilter& documents() { return *m_docs; }
  wxTextCtrl& where() { return *m_where; }
  wxCheckBox& stop_words_box() { return *m_stop; }
  wxCheckBox& stem_box() { return *m_stem; }
  wxListCtrl& table() { return *m_table; }
  wxListCtrl& places_list() { return *m_places_list; }
  WordCloud& cloud() { return *m_cloud; }
  wxStaticText& status() { return *m_status; }
  const std::vector<WordCount>& words() const { return m_words; }
  const std::vector<Hit>& places() const { return m_places; }
  /// The word whose places are listed ("" when none).
  const std::string& chosen_word() const { return m_chosen; }

private:
  void fill_choices();

  MainFrame& m_frame;
  wxChoice* m_code = nullptr;
  wxTextCtrl* m_query = nullptr;
  wxTextCtrl* m_where = nullptr;
  wxChoice* m_coder = nullptr;
  wxChoice* m_lang = nullptr;
  wxChoice* m_limit = nullptr;
  DocumentsFilter* m_docs = nullptr;
  wxCheckBox* m_stop = nullptr;
  wxCheckBox* m_stem = nullptr;
  wxListCtrl* m_table = nullptr;
  WordCloud* m_cloud = nullptr;
  wxListCtrl* m_places_list = nullptr;
  wxStaticText* m_status = nullptr;
  wxStaticText* m_stop_note = nullptr;
  std::vector<std::string> m_languages; ///< per item of m_lang after the first
  std::vector<Id> m_code_ids;           ///< per item of m_code (0: all the text or the query)
  std::vector<WordCount> m_words;
  std::vector<Hit> m_places;
  std::string m_chosen;
  WordFrequencySpec m_spec; ///< of the words shown
  bool m_stale = true;
  bool m_choices_stale = true;
  Deferred m_refresh;
};

} // namespace quire::gui
