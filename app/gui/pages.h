#pragma once
// The pages of the centre notebook by the names `quire-gui --show PAGE`
// takes (document, survey, analysis, query, words, agreement), and the
// pages of issue 16 that live in their own files (Coding Query, Words,
// Agreement), added to the notebook after the frame's own.
#include <string>
#include <vector>

class wxNotebook;

namespace quire::gui {

class MainFrame;
class QueryPage;
class WordsPage;
class AgreementPage;

/// Brings the page named name to the front (the table of start_pages.h).
/// Throws InputError naming the pages there are for an unknown name.
void show_page(MainFrame& f, const std::string& name);

/// Adds the Coding Query, Words and Agreement pages to the notebook.
void add_analysis_pages(MainFrame& f, wxNotebook& center);
QueryPage& query_page(MainFrame& f);
WordsPage& words_page(MainFrame& f);
AgreementPage& agreement_page(MainFrame& f);

} // namespace quire::gui
