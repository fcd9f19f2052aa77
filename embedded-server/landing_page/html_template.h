// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace helios::server {

// A text with {{name}} placeholders (name: lower-case letters, digits, '_'), filled in
// one pass: values are inserted as they are and never scanned again, so a value that
// itself contains "{{user}}" stays literal text. Anything else with braces (CSS) is
// ordinary text. The template does no escaping: values must already be HTML.
class HtmlTemplate {
public:
    HtmlTemplate() = default;
    explicit HtmlTemplate(const QString &text);

    // Reads a UTF-8 template, typically from the compiled-in resources (":/…").
    // Fails with NotFound if the file is missing.
    static Result<HtmlTemplate> load(const QString &path);

    // Placeholders without a value are replaced by nothing.
    QString render(const QHash<QString, QString> &values) const;

    // The placeholder names in order of appearance, repeats included.
    QStringList placeholders() const;

private:
    struct Segment {
        QString text;
        bool placeholder = false; // text is then the name
    };
    QList<Segment> m_segments;
};

} // namespace helios::server
