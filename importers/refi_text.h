#pragma once
// Private to the REFI-QDA importer: the text of a source file, and the
// passages of a source around the selections its cases refer to.
#include <string>
#include <string_view>
#include <vector>

#include "quire/ingest/exchange.h"

namespace quire {

/// A source file's text as UTF-8 without a BOM (REFI positions do not count
/// it). UTF-8 is expected; a UTF-16 BOM or bytes that are not UTF-8 are
/// decoded too, with a warning. where names it in messages. The bytes are
/// taken (moved in): valid UTF-8, the common case, is returned without a copy.
std::string source_text(std::string bytes, const std::string& where,
                        std::vector<std::string>& warnings);

/// The passages of a source: the case selections given (overlapping ones
/// after the first dropped, with a warning), and the text between them cut
/// into paragraphs. Empty when no case selection is given (then the store
/// cuts the whole text into paragraphs).
std::vector<ExchangePassage> passages_with_gaps(std::vector<ExchangePassage> cased,
                                                const std::string& text, const std::string& source,
                                                std::vector<std::string>& warnings);

} // namespace quire
