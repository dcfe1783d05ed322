#include "quire/base/types.h"

#include <cmath>
#include <cstdio>

#include "quire/base/error.h"

namespace quire {

std::string Value::display() const {
  if (missing) {
    return {};
  }
  if (type == AttrType::Number) {
    if (std::floor(number) == number && std::fabs(number) < 1e15) {
      return std::to_string(static_cast<long long>(number));
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", number);
    return buf;
  }
  return text;
}

std::string to_string(DocumentKind k) {
  switch (k) {
  case DocumentKind::Transcript: return "transcript";
  case DocumentKind::Survey: return "survey";
  case DocumentKind::Pdf: return "pdf";
  case DocumentKind::Html: return "html";
  case DocumentKind::Text: break;
  }
  return "text";
}

std::optional<DocumentKind> parse_document_kind(std::string_view name) {
  for (auto k : {DocumentKind::Text, DocumentKind::Transcript, DocumentKind::Survey,
                 DocumentKind::Pdf, DocumentKind::Html}) {
    if (name == to_string(k)) {
      return k;
    }
  }
  return std::nullopt;
}

DocumentKind document_kind(const Document& d) {
  return parse_document_kind(d.kind).value_or(DocumentKind::Text);
}

std::string to_string(AttrType t) {
  switch (t) {
  case AttrType::Number: return "number";
  case AttrType::Date: return "date";
  case AttrType::Text: break;
  }
  return "text";
}

AttrType attr_type_from_string(const std::string& s) {
  if (s == "text")
    return AttrType::Text;
  if (s == "number")
    return AttrType::Number;
  if (s == "date")
    return AttrType::Date;
  throw InputError("unknown attribute type '" + s + "' (use text, number or date)");
}

std::string to_string(MemoTarget t) {
  switch (t) {
  case MemoTarget::Document: return "document";
  case MemoTarget::Code: return "code";
  case MemoTarget::Coding: return "coding";
  case MemoTarget::Case: return "case";
  case MemoTarget::Project: break;
  }
  return "project";
}

MemoTarget memo_target_from_string(const std::string& s) {
  if (s == "project")
    return MemoTarget::Project;
  if (s == "document")
    return MemoTarget::Document;
  if (s == "code")
    return MemoTarget::Code;
  if (s == "coding")
    return MemoTarget::Coding;
  if (s == "case")
    return MemoTarget::Case;
  throw InputError("unknown memo target '" + s + "' (use project, document, code, coding or case)");
}

} // namespace quire
