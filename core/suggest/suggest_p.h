#pragma once
// Private: the stored side of suggestions (schema 5): model versions, open
// and decided suggestions, and which codings came from one.
#include <cstdint>
#include <string>
#include <vector>

#include "quire/suggest/suggest.h"

namespace quire::detail {

/// The version number of the model learnt from data with this fingerprint:
/// registered now when new (unless the project is read-only: 0 then).
std::int64_t register_model(Project& p, const std::string& fingerprint, int examples,
                            const std::string& codes);

/// Stores suggestions as open ones (outside undo: suggesting changes nothing
/// a person made) and fills in their ids. A suggestion decided before keeps
/// its decision.
void store_suggestions(Project& p, std::vector<Suggestion>& s);

/// The reasons as stored: a line per word and one for the example.
std::string reasons_text(const Suggestion& s);
/// Reads reasons_text() back into s.
void read_reasons(const Project& p, const std::string& text, Suggestion& s);

} // namespace quire::detail
