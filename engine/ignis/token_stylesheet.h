// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"

#include <QByteArray>
#include <QString>

namespace helios::ignis {

class InputSnapshot;

// The project's design tokens as one CSS stylesheet, made by SLATE from the project's
// token build config (its "css" platform's options; theme blocks included). The build
// links it from every page; the dev server serves the same bytes at /tokens.css.
class TokenStylesheet {
public:
    // Reads the config and digests every token file it names (from the snapshot when the
    // file is in the project, from disk otherwise). Problems land in `messages`.
    static TokenStylesheet prepare(const QString &projectDir, const QString &configPath, const InputSnapshot &snapshot);

    // Over the config and every token file: the cache key of render().
    const QByteArray &inputDigest() const { return m_inputDigest; }
    const BuildMessages &messages() const { return m_messages; }
    bool hasErrors() const { return ignis::hasErrors(m_messages); }

    // Resolves the tokens and renders the CSS; false with `messages` on token errors.
    bool render(QByteArray *css);

private:
    QString m_projectDir;
    QString m_configPath;
    QByteArray m_inputDigest;
    BuildMessages m_messages;
};

} // namespace helios::ignis
