// Streaming XML on expat, refusing entity declarations and external
// entities (XXE, billion laughs).
#include "xml_reader.h"

#include <expat.h>

#include <memory>

#include "quire/base/error.h"

namespace quire {

namespace {

constexpr char ns_sep = '\x01';

void split_name(const XML_Char* qname, std::string& ns, std::string& local) {
  std::string_view q(qname);
  auto sep = q.find(ns_sep);
  if (sep == std::string_view::npos) {
    ns.clear();
    local.assign(q);
  } else {
    ns.assign(q.substr(0, sep));
    local.assign(q.substr(sep + 1));
  }
}

struct State {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::string refused; // why parsing was stopped by us
  std::exception_ptr error;
  std::vector<XmlAttribute> attrs;
  std::string ns, name;
};

void stop(State* s, std::string why) {
  if (s->refused.empty()) {
    s->refused = std::move(why);
  }
  XML_StopParser(s->parser, XML_FALSE);
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** atts) {
  auto* s = static_cast<State*>(data);
  try {
    s->attrs.clear();
    for (int i = 0; atts[i]; i += 2) {
      XmlAttribute a;
      split_name(atts[i], a.ns, a.name);
      a.value = atts[i + 1];
      s->attrs.push_back(std::move(a));
    }
    split_name(name, s->ns, s->name);
    s->handler->start_element(s->ns, s->name, s->attrs);
  } catch (...) {
    s->error = std::current_exception();
    XML_StopParser(s->parser, XML_FALSE);
  }
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* s = static_cast<State*>(data);
  try {
    split_name(name, s->ns, s->name);
    s->handler->end_element(s->ns, s->name);
  } catch (...) {
    s->error = std::current_exception();
    XML_StopParser(s->parser, XML_FALSE);
  }
}

void XMLCALL on_text(void* data, const XML_Char* text, int len) {
  auto* s = static_cast<State*>(data);
  try {
    s->handler->text(std::string_view(text, static_cast<std::size_t>(len)));
  } catch (...) {
    s->error = std::current_exception();
    XML_StopParser(s->parser, XML_FALSE);
  }
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  stop(static_cast<State*>(data),
       "it has a document type declaration (<!DOCTYPE ...>), which none of the XML formats "
       "Quire reads has; refused for safety (a DTD can declare entity expansions and external "
       "entity references)");
}

void XMLCALL on_entity_decl(void* data, const XML_Char* name, int, const XML_Char*, int,
                            const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  stop(static_cast<State*>(data),
       std::string("it declares an entity ('") + name +
           "'); entity declarations are refused for safety (XXE, entity expansion)");
}

int XMLCALL on_external_entity(XML_Parser p, const XML_Char*, const XML_Char*,
                               const XML_Char* system_id, const XML_Char*) {
  auto* s = static_cast<State*>(XML_GetUserData(p));
  stop(s, std::string("it refers to an external entity (") + (system_id ? system_id : "?") +
              "); external entities are refused for safety");
  return XML_STATUS_ERROR;
}

} // namespace

std::string attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const auto& a : attributes) {
    if (a.name == name) {
      return a.value;
    }
  }
  return {};
}

void parse_xml(std::string_view xml, XmlHandler& handler, const std::string& where) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreateNS(nullptr, ns_sep), XML_ParserFree);
  if (!parser) {
    throw Error("cannot create an XML parser");
  }
  State s;
  s.parser = parser.get();
  s.handler = &handler;
  XML_SetUserData(parser.get(), &s);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetEntityDeclHandler(parser.get(), on_entity_decl);
  XML_SetExternalEntityRefHandler(parser.get(), on_external_entity);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  const char* data = xml.data();
  std::size_t left = xml.size();
  // expat takes int lengths: feed large documents in pieces.
  const std::size_t chunk = 1 << 30;
  bool ok = true;
  do {
    std::size_t n = std::min(left, chunk);
    ok = XML_Parse(parser.get(), data, static_cast<int>(n), n == left) == XML_STATUS_OK;
    data += n;
    left -= n;
  } while (ok && left > 0);
  if (s.error) {
    std::rethrow_exception(s.error);
  }
  if (!ok) {
    auto line = XML_GetCurrentLineNumber(parser.get());
    auto col = XML_GetCurrentColumnNumber(parser.get());
    std::string why =
        !s.refused.empty() ? s.refused : XML_ErrorString(XML_GetErrorCode(parser.get()));
    throw InputError(where + ": line " + std::to_string(line) + ", column " + std::to_string(col) +
                     ": the XML cannot be read: " + why);
  }
}

} // namespace quire
