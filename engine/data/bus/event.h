// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace helios::data {

// A CloudEvents 1.0 event in structured JSON mode. `type` is also the bus subject
// ("build.completed"); `subject` names the thing it is about (a project id, a version).
struct Event {
    QString id;      // unique; consumers are idempotent on it, the bus de-duplicates on it
    QString type;
    QString source;  // "/helios/<subsystem>"
    QString time;    // RFC 3339, UTC
    QString subject;
    QJsonObject data;

    // A new event with a fresh id and the current time.
    static Event make(const QString &type, const QString &source, const QString &subject,
                      const QJsonObject &data = {});

    QByteArray toJson() const;
    // Fails with InvalidArgument naming the missing or mistyped attribute.
    static Result<Event> fromJson(const QByteArray &json);

    bool operator==(const Event &other) const = default;
};

// The subjects of DESIGN.md, which the durable stream keeps.
QStringList eventTypes();

// The subject filters that cover eventTypes(), one per first token ("build.>", ...): the
// subjects of the durable stream.
QStringList eventSubjectFilters();

// Non-empty if `event` cannot be published: an empty id, or a type that is not a concrete
// subject inside eventSubjectFilters() (wildcards, empty tokens, white space).
QString publishProblem(const Event &event);

// True if `type` matches a NATS-style pattern: tokens split on '.', '*' matches one
// token, '>' (last) matches one or more.
bool subjectMatches(const QString &pattern, const QString &type);

} // namespace helios::data
