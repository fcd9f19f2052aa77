// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace helios::ignition {

// A file of the project as it will be written.
struct RenderedFile {
    QString sourcePath;   // relative to the template root, '/'-separated
    QString path;         // relative to the project root, placeholders replaced
    QByteArray content;
    bool templated = false;  // false: copied untouched (binary or verbatim)
};

// Replaces {{placeholders}} in file contents and paths.
//
// A placeholder is `{{name}}` or `{{ name }}` with name = [A-Za-z_][A-Za-z0-9_]*; any
// other text between braces is not a placeholder and stays as it is, so JSX such as
// `style={{ color: c }}` needs no escaping. `\{{` writes a literal `{{`. A placeholder
// whose name has no value is an error naming file:line.
class TemplateRenderer {
public:
    explicit TemplateRenderer(QMap<QString, QString> values);

    // Fails with InvalidArgument listing every unknown placeholder as "file:line";
    // context is the first of them.
    Result<QString> renderText(const QString &text, const QString &fileName) const;

    // Renders each segment of a '/'-separated relative path. Fails when a placeholder is
    // unknown or a rendered segment is empty, "." or "..", or contains '/' or '\'.
    Result<QString> renderPath(const QString &relativePath) const;

    // Every file under `rootDir` (a directory or a ":/" resource path) except the
    // manifest (template.json at the root) and any .git directory, sorted by path.
    // Binary files (a NUL byte or invalid UTF-8) and files matching one of
    // `verbatimGlobs` are copied untouched; their paths are still rendered. All problems
    // of all files are reported in one error; two files rendering to one path is one.
    Result<QList<RenderedFile>> renderTree(const QString &rootDir, const QStringList &verbatimGlobs) const;

    // The placeholder names `text` uses, in order of first use.
    static QStringList placeholderNames(const QString &text);

    // `*` matches within a segment, `?` one character, a whole `**` segment any number
    // of segments.
    static bool globMatches(const QString &glob, const QString &path);

private:
    QMap<QString, QString> m_values;
};

} // namespace helios::ignition
