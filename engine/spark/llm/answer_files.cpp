// SPDX-License-Identifier: Apache-2.0
#include "spark/llm/answer_files.h"

#include "spark/validation/component_validator.h"

#include <QRegularExpression>

namespace helios::spark {

namespace {

const QRegularExpression &fenceOpen()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s{0,3}(`{3,}|~{3,})\\s*(.*?)\\s*$"));
    return pattern;
}

// A path-looking word: letters, digits, '_', '-', '.', '/', ending in an extension.
const QRegularExpression &pathWord()
{
    static const QRegularExpression pattern(QStringLiteral("^[\\w@~./\\\\-]+\\.[A-Za-z0-9]{1,5}$"));
    return pattern;
}

// "title="Card/Card.tsx"", "filename=Card/Card.tsx", "path: x".
const QRegularExpression &infoAttribute()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(?:title|filename|file|path|name)\\s*[=:]\\s*[\"']?([^\"'\\s]+)[\"']?"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// A block's first line naming its file: "// file: Card/Card.tsx", "/* path: x */", "# file: x".
const QRegularExpression &markerLine()
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?://|/\\*|#|<!--)\\s*(?:file(?:name)?|path)\\s*:\\s*(\\S+?)\\s*(?:\\*/|-->)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// The path a line before a fence names, or empty: "### Card/Card.tsx", "File: `x`", "**x**:".
QString pathFromLabel(QString line)
{
    line = line.trimmed();
    static const QRegularExpression decoration(QStringLiteral("[#*`_>]|^\\s*\\d+[.)]\\s"));
    line.remove(decoration);
    static const QRegularExpression prefix(QStringLiteral("^\\s*(?://\\s*)?(?:file(?:name)?|path)\\s*:\\s*"),
                                           QRegularExpression::CaseInsensitiveOption);
    line.remove(prefix);
    line = line.trimmed();
    if (line.endsWith(QLatin1Char(':')))
        line.chop(1);
    line = line.trimmed();
    return pathWord().match(line).hasMatch() ? line : QString();
}

QString pathFromInfo(const QString &info)
{
    const auto attribute = infoAttribute().match(info);
    if (attribute.hasMatch())
        return attribute.captured(1);
    const QStringList words = info.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (pathWord().match(word).hasMatch())
            return word;
    }
    return {};
}

} // namespace

Result<AnswerFiles> AnswerFiles::parse(const QString &answer, const QString &name)
{
    AnswerFiles result;
    const QStringList lines = answer.split(QLatin1Char('\n'));
    QString label;   // a path named by the last non-empty line outside a block
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const auto open = fenceOpen().match(line);
        if (!open.hasMatch()) {
            if (!line.trimmed().isEmpty())
                label = pathFromLabel(line);
            continue;
        }
        const QString fence = open.captured(1);
        QString path = pathFromInfo(open.captured(2));
        if (path.isEmpty())
            path = label;
        label.clear();
        const qsizetype openLine = i + 1;
        QStringList body;
        bool closed = false;
        for (++i; i < lines.size(); ++i) {
            QString inner = lines.at(i);
            if (inner.endsWith(QLatin1Char('\r')))
                inner.chop(1);
            const QString trimmed = inner.trimmed();
            if (trimmed.size() >= fence.size() && trimmed.startsWith(fence)
                && trimmed.count(fence.front()) == trimmed.size()) {
                closed = true;
                break;
            }
            body << inner;
        }
        if (!closed)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("the model's answer was cut off: the code block opened at line %1 never closes")
                                 .arg(openLine));
        if (!body.isEmpty()) {
            const auto marker = markerLine().match(body.front());
            if (marker.hasMatch()) {
                if (path.isEmpty())
                    path = marker.captured(1);
                body.removeFirst();
            }
        }
        if (path.isEmpty()) {
            result.notes << QStringLiteral("skipped a code block without a file name (answer line %1)").arg(openLine);
            continue;
        }

        // Tolerated spellings first, then the rules.
        const QString asWritten = path;
        if (path.startsWith(QLatin1StringView("./")))
            path = path.mid(2);
        for (const QLatin1StringView root : {QLatin1StringView("src/components/"), QLatin1StringView("components/")}) {
            if (path.startsWith(root))
                path = path.mid(root.size());
        }
        if (!path.contains(QLatin1Char('/')))
            path = name + QLatin1Char('/') + path;
        if (asWritten.startsWith(QLatin1Char('/')) || asWritten.startsWith(QLatin1Char('~'))
            || asWritten.contains(QLatin1Char('\\')) || asWritten.contains(QLatin1Char(':'))
            || asWritten.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return makeError(ErrorCode::PermissionDenied,
                             QStringLiteral("the model's answer names the file \"%1\": only relative paths inside \"%2/\" "
                                            "are allowed, without \"..\"").arg(asWritten.left(200), name));
        if (!ComponentValidator::isAllowedPath(name, path))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the model's answer names the file \"%1\": files must be inside \"%2/\" and end "
                                            ".tsx, .ts or .css").arg(asWritten.left(200), name));

        QByteArray content = body.join(QLatin1Char('\n')).toUtf8();
        if (!content.isEmpty())
            content.append('\n');
        if (content.size() > maxFileBytes)
            return makeError(ErrorCode::TooLarge, QStringLiteral("the model's file \"%1\" is larger than %2 KB")
                                                      .arg(path).arg(maxFileBytes / 1024));
        bool replaced = false;
        for (GeneratedFile &file : result.files) {
            if (file.path == path) {
                file.content = content;
                replaced = true;
                result.notes << QStringLiteral("the answer has %1 twice: kept the last").arg(path);
            }
        }
        if (!replaced) {
            if (result.files.size() >= maxFiles)
                return makeError(ErrorCode::TooLarge,
                                 QStringLiteral("the model's answer has more than %1 files").arg(maxFiles));
            result.files.append({path, content});
        }
    }

    if (result.files.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the model's answer has no files: expected fenced code blocks each under a "
                                        "\"### %1/%1.tsx\"-style heading").arg(name));
    const QString main = name + QLatin1Char('/') + name + QStringLiteral(".tsx");
    const QString index = name + QStringLiteral("/index.ts");
    bool hasMain = false;
    bool hasIndex = false;
    for (const GeneratedFile &file : std::as_const(result.files)) {
        hasMain = hasMain || file.path == main;
        hasIndex = hasIndex || file.path == index || file.path == name + QStringLiteral("/index.tsx");
    }
    if (!hasMain)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the model's answer has no %1").arg(main));
    if (!hasIndex) {
        result.files.append({index, QByteArrayLiteral("export * from './") + name.toUtf8() + QByteArrayLiteral("';\n")});
        result.notes << QStringLiteral("the answer had no index.ts: wrote one that re-exports %1").arg(name);
    }
    return result;
}

} // namespace helios::spark
