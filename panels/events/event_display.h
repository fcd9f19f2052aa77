// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace helios::data {
struct Event;
}

namespace helios::panels {

// How an event is shown to a person. Event data may carry secrets (an API key, a
// connection URL with a password): nothing here lets them through.

// True for a data key that may hold a secret: one of its words (split on case changes,
// '_', '-', '.') is password, passwd, secret, credential(s) or authorization, or its last
// word is key or token ("apiKey", "HELIOS_AI_KEY", "accessToken"; not "tokenCount").
bool isSecretKey(const QString &key);

// `data` with the value of every secret key replaced by "***" and passwords in URL
// values masked, recursively through objects and arrays.
QJsonObject redactedEventData(const QJsonObject &data);

// One line of `data` ("name=shop, version=1.2.0, files=[a.tsx, b.tsx]"), secret keys left
// out, at most `maxLength` characters.
QString eventDataSummary(const QJsonObject &data, int maxLength = 200);

// The whole event as indented CloudEvents JSON, its data redacted.
QString eventDetailsJson(const data::Event &event);

// The event's RFC 3339 time as local hh:mm:ss.zzz; the text unchanged if it does not parse.
QString eventLocalTime(const QString &rfc3339);

} // namespace helios::panels
