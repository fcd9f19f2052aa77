// SPDX-License-Identifier: Apache-2.0
#include "ignition/template_renderer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <functional>

namespace helios::ignition {

namespace {

bool isIdentifier(QStringView text)
{
    if (text.isEmpty() || !(text.front().isLetter() || text.front() == u'_') || text.front().unicode() > 127)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_');
    });
}

// Walks `text`, handing each placeholder's name and line to `onPlaceholder`, whose
// return value replaces it; everything else is copied to the result.
QString substitute(const QString &text, const std::function<QString(const QString &, int)> &onPlaceholder)
{
    QString out;
    out.reserve(text.size());
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 2 < n && text.at(i + 1) == u'{' && text.at(i + 2) == u'{') {
            out += QStringLiteral("{{");
            i += 3;
            continue;
        }
        if (c == u'{' && i + 1 < n && text.at(i + 1) == u'{') {
            const qsizetype close = text.indexOf(QStringLiteral("}}"), i + 2);
            const qsizetype newline = text.indexOf(u'\n', i + 2);
            if (close > 0 && (newline < 0 || close < newline)) {
                const QStringView inner = QStringView(text).mid(i + 2, close - i - 2).trimmed();
                if (isIdentifier(inner)) {
                    out += onPlaceholder(inner.toString(), line);
                    i = close + 2;
                    continue;
                }
            }
        }
        if (c == u'\n')
            ++line;
        out += c;
        ++i;
    }
    return out;
}

bool looksBinary(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    Q_UNUSED(text);
    return decoder.hasError();
}

} // namespace

TemplateRenderer::TemplateRenderer(QMap<QString, QString> values)
    : m_values(std::move(values))
{
}

Result<QString> TemplateRenderer::renderText(const QString &text, const QString &fileName) const
{
    QStringList unknown;
    const QString rendered = substitute(text, [&](const QString &name, int line) {
        const auto it = m_values.constFind(name);
        if (it != m_values.constEnd())
            return it.value();
        unknown << QStringLiteral("%1:%2: unknown placeholder {{%3}}").arg(fileName).arg(line).arg(name);
        return QString();
    });
    if (unknown.isEmpty())
        return rendered;
    QStringList names = m_values.keys();
    return makeError(ErrorCode::InvalidArgument,
                     unknown.join(QStringLiteral("\n")) + QStringLiteral("\n(known values: %1)").arg(names.join(QStringLiteral(", "))),
                     unknown.first().section(QStringLiteral(": unknown"), 0, 0));
}

Result<QString> TemplateRenderer::renderPath(const QString &relativePath) const
{
    QStringList segments;
    for (const QString &segment : relativePath.split(u'/')) {
        const auto rendered = renderText(segment, relativePath);
        HELIOS_TRY(rendered);
        const QString &s = rendered.value();
        if (s.isEmpty() || s == u"." || s == u".." || s.contains(u'/') || s.contains(u'\\'))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("path %1 renders to the unusable segment \"%2\"").arg(relativePath, s),
                             relativePath);
        segments << s;
    }
    return segments.join(u'/');
}

Result<QList<RenderedFile>> TemplateRenderer::renderTree(const QString &rootDir, const QStringList &verbatimGlobs) const
{
    QStringList sources;
    const QDir root(rootDir);
    QDirIterator it(rootDir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative == u"template.json" || relative.split(u'/').contains(QStringLiteral(".git")))
            continue;
        sources << relative;
    }
    std::sort(sources.begin(), sources.end());

    QList<RenderedFile> files;
    QStringList problems;
    QString firstContext;
    QMap<QString, QString> sourceOfTarget;
    auto fail = [&](const Error &error) {
        problems << error.message;
        if (firstContext.isEmpty())
            firstContext = error.context;
    };
    for (const QString &relative : sources) {
        QFile file(root.filePath(relative));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("cannot read template file: %1").arg(file.errorString()),
                             file.fileName());
        RenderedFile rendered;
        rendered.sourcePath = relative;
        rendered.content = file.readAll();
        const auto path = renderPath(relative);
        if (!path.ok()) {
            fail(path.error());
            continue;
        }
        rendered.path = path.value();
        if (sourceOfTarget.contains(rendered.path))
            fail(makeError(ErrorCode::InvalidArgument,
                           QStringLiteral("%1 and %2 both render to %3")
                               .arg(sourceOfTarget.value(rendered.path), relative, rendered.path),
                           relative));
        sourceOfTarget.insert(rendered.path, relative);

        const bool verbatim = std::any_of(verbatimGlobs.begin(), verbatimGlobs.end(),
                                          [&](const QString &glob) { return globMatches(glob, relative); });
        if (!verbatim && !looksBinary(rendered.content)) {
            const auto text = renderText(QString::fromUtf8(rendered.content), relative);
            if (!text.ok()) {
                fail(text.error());
                continue;
            }
            rendered.content = text.value().toUtf8();
            rendered.templated = true;
        }
        files << rendered;
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problems.join(QStringLiteral("\n")), firstContext);
    return files;
}

QStringList TemplateRenderer::placeholderNames(const QString &text)
{
    QStringList names;
    substitute(text, [&](const QString &name, int) {
        if (!names.contains(name))
            names << name;
        return QString();
    });
    return names;
}

bool TemplateRenderer::globMatches(const QString &glob, const QString &path)
{
    QString re;
    const QStringList segments = glob.split(u'/');
    for (int i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == u"**") {
            re += last ? QStringLiteral(".*") : QStringLiteral("(?:[^/]+/)*");
            continue;
        }
        for (const QChar c : segment) {
            if (c == u'*')
                re += QStringLiteral("[^/]*");
            else if (c == u'?')
                re += QStringLiteral("[^/]");
            else
                re += QRegularExpression::escape(QString(c));
        }
        if (!last)
            re += u'/';
    }
    return QRegularExpression(QStringLiteral("\\A") + re + QStringLiteral("\\z")).match(path).hasMatch();
}

} // namespace helios::ignition
