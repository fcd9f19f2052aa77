// SPDX-License-Identifier: Apache-2.0
#include "ignis/html_page.h"

#include <QRegularExpression>

namespace helios::ignis {

namespace {

// "/src/main.tsx", "./src/main.tsx" and "src/main.tsx" all name the same project file.
QString normalised(QString url)
{
    if (url.startsWith(QLatin1String("./")))
        url.remove(0, 2);
    else if (url.startsWith(QLatin1Char('/')))
        url.remove(0, 1);
    return url;
}

QString escaped(const QString &url) { return url.toHtmlEscaped(); }

} // namespace

bool HtmlPage::rewrite(const QString &source, QString *page, QString *error) const
{
    static const QRegularExpression scriptTag(
        QStringLiteral("<script\\b[^>]*\\bsrc\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>\\s*</script>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression linkTag(
        QStringLiteral("<link\\b[^>]*\\bhref\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>"), QRegularExpression::CaseInsensitiveOption);

    QString out;
    out.reserve(source.size() + 256);
    bool foundScript = false;
    bool foundTokens = false;
    qsizetype last = 0;

    // One pass over the tags in document order, replacing the two kinds we own.
    struct Hit {
        qsizetype start;
        qsizetype length;
        QString replacement;
    };
    QList<Hit> hits;
    for (auto it = scriptTag.globalMatch(source); it.hasNext();) {
        const auto match = it.next();
        if (normalised(match.captured(1)) != entryModule)
            continue;
        QString replacement = QStringLiteral("<script type=\"module\" crossorigin src=\"%1\"></script>").arg(escaped(scriptHref));
        hits.append({match.capturedStart(), match.capturedLength(), replacement});
        foundScript = true;
    }
    for (auto it = linkTag.globalMatch(source); it.hasNext();) {
        const auto match = it.next();
        if (normalised(match.captured(1)) != tokensPath())
            continue;
        foundTokens = true;
        const QString replacement = tokensHref.isEmpty()
                                        ? QString()
                                        : QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">").arg(escaped(tokensHref));
        hits.append({match.capturedStart(), match.capturedLength(), replacement});
    }
    if (!foundScript) {
        *error = QStringLiteral("the page has no <script src=\"/%1\"> for its entry module").arg(entryModule);
        return false;
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.start < b.start; });

    QString headLinks;
    if (!foundTokens && !tokensHref.isEmpty())
        headLinks += QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">\n").arg(escaped(tokensHref));
    for (const QString &href : styleHrefs)
        headLinks += QStringLiteral("<link rel=\"stylesheet\" crossorigin href=\"%1\">\n").arg(escaped(href));

    for (const Hit &hit : std::as_const(hits)) {
        out += QStringView(source).mid(last, hit.start - last);
        out += hit.replacement;
        last = hit.start + hit.length;
    }
    out += QStringView(source).mid(last);

    // The entry's own CSS goes last in <head> so it wins over the tokens it uses.
    const qsizetype headEnd = out.indexOf(QLatin1String("</head>"), 0, Qt::CaseInsensitive);
    if (headEnd >= 0)
        out.insert(headEnd, headLinks);
    else
        out.prepend(headLinks);
    *page = out;
    return true;
}

} // namespace helios::ignis
