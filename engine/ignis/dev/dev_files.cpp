// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dev_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace helios::ignis::dev {

const QStringList &moduleExtensions()
{
    static const QStringList extensions{QStringLiteral(".tsx"), QStringLiteral(".ts"), QStringLiteral(".jsx"),
                                        QStringLiteral(".js"), QStringLiteral(".mjs")};
    return extensions;
}

bool isModule(const QString &path)
{
    return std::any_of(moduleExtensions().begin(), moduleExtensions().end(),
                       [&](const QString &extension) { return path.endsWith(extension); });
}

bool usesJsx(const QString &urlPath)
{
    return urlPath.endsWith(QLatin1String(".tsx")) || urlPath.endsWith(QLatin1String(".jsx"));
}

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? file.readAll() : QByteArray();
}

QString scratchDir()
{
    for (const QString &dir : {qEnvironmentVariable("XDG_RUNTIME_DIR"), QStringLiteral("/dev/shm")}) {
        const QFileInfo info(dir);
        if (!dir.isEmpty() && info.isDir() && info.isWritable())
            return dir;
    }
    return QDir::tempPath();
}

QByteArray jsString(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 8 + 2);
    out += '"';
    qsizetype plain = 0;  // the start of the run of bytes copied as they are
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: out += "\\u00" + QByteArray(1, hex[c >> 4]) + hex[c & 15];
        }
    }
    out.append(utf8.data() + plain, utf8.size() - plain);
    out += '"';
    return out;
}

QByteArray jsString(const QString &text) { return jsString(QByteArrayView(text.toUtf8())); }

qsizetype find(QByteArrayView haystack, QByteArrayView needle, qsizetype from)
{
    if (from < 0 || from > haystack.size())
        return -1;
    const void *at = memmem(haystack.data() + from, size_t(haystack.size() - from), needle.data(), size_t(needle.size()));
    return at ? static_cast<const char *>(at) - haystack.data() : -1;
}

qsizetype lastLineStart(QByteArrayView code)
{
    qsizetype end = code.size();
    while (end > 0 && code[end - 1] == '\n')
        --end;
    const void *newline = memrchr(code.data(), '\n', size_t(end));
    return newline ? static_cast<const char *>(newline) - code.data() + 1 : 0;
}

QByteArray insertBeforeSourceMap(const QByteArray &code, QByteArrayView text)
{
    const qsizetype last = lastLineStart(code);
    QByteArray out = code;
    out.insert(QByteArrayView(code).sliced(last).startsWith("//# sourceMappingURL=") ? last : out.size(), text);
    return out;
}

} // namespace helios::ignis::dev
