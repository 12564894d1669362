// SPDX-License-Identifier: MIT
// What write calls share: a JSON body on a request, and an error answer's words for a person.
#pragma once

#include "core/http/HttpRequest.h"

#include <nlohmann/json.hpp>

#include <QString>

// Turns `request` (from Connector::makeRequest, auth applied) into `method` with `body` as JSON
// and an explicit Content-Type. Writes are never conditional (no If-None-Match).
void setJsonBody(HttpRequest *request, const nlohmann::json &body,
                 const QByteArray &method = QByteArrayLiteral("POST"),
                 const QByteArray &contentType = QByteArrayLiteral("application/json"));

// What an error answer says, on one line of at most 200 characters: a JSON string, or the
// "message" / "error" member of a JSON object, else the start of the text. Empty for an HTML
// page or an empty body.
QString errorBodyText(const QByteArray &body);
