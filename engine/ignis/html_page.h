// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace helios::ignis {

// The production form of an entry's HTML page. In the source page the entry module and
// the token stylesheet are referenced by their source paths, as the dev server serves
// them:
//
//   <link rel="stylesheet" href="/tokens.css">
//   <script type="module" src="/src/main.tsx"></script>
//
// The built page points at the hashed outputs instead, by relative URLs so the site
// works under any base path, and links the entry's CSS bundle. A page that lacks the
// token link gets one (the tokens are part of the build whether the page asked or not).
struct HtmlPage {
    QString entryModule;     // "src/main.tsx": matched with or without a leading "/" or "./"
    QString scriptHref;      // "assets/main-5XHJ2KQO.js"
    QStringList styleHrefs;  // "assets/main-Q3ZCM4GK.css"
    QString tokensHref;      // "assets/tokens-3f9a1c2b.css"; empty when the project has no tokens

    // False with `error` set when the page has no <script> for the entry module.
    bool rewrite(const QString &source, QString *page, QString *error) const;

    // The path the dev server and the source page use for the token stylesheet.
    static QString tokensPath() { return QStringLiteral("tokens.css"); }
};

} // namespace helios::ignis
