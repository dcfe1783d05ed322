#pragma once
// Recognising transcripts in plain lines: time stamps, speaker labels, turns.
// Shared by the text and Word transcript importers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quire/ingest/import_data.h"

namespace quire {

/// "01:02:03", "1:02", "00:00:04.250" (or ",250") -> milliseconds.
std::optional<std::int64_t> parse_timestamp(std::string_view s);

/// How much lines look like a transcript: the share (0..1) of non-empty
/// lines that start with a time stamp or a recurring speaker label.
double transcript_share(std::string_view text);

/// Splits normalised text into turns. Each line that starts a turn (a stamp,
/// a speaker label that recurs or follows a stamp, a "[label]") becomes one
/// passage with speaker and start time (end time: the next stamp); lines
/// without a label continue the current turn. The passage covers the speech,
/// not the stamp or label; the text itself is kept as it is.
std::vector<ImportedPassage> transcript_passages(std::string_view text);

} // namespace quire
