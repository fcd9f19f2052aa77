// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"
#include "slate/build_config.h"

#include <QByteArray>
#include <QString>

namespace helios::ignis {

class InputSnapshot;

// The project's design tokens as one CSS stylesheet, made by SLATE from the project's
// token build config (its "css" platform's options; theme blocks included). The build
// links it from every page; the dev server serves the same bytes at /tokens.css.
class TokenStylesheet {
public:
    // Reads the config once; problems land in `messages`. With a snapshot it also digests
    // every token file the config names (from the snapshot when the file is in the
    // project, from disk otherwise) for the cache key; the dev server, which caches
    // nothing across runs, passes none and hashes nothing.
    static TokenStylesheet prepare(const QString &projectDir, const QString &configPath,
                                   const InputSnapshot *snapshot = nullptr);

    // Over the config and every token file: the cache key of render(). Empty without a
    // snapshot.
    const QByteArray &inputDigest() const { return m_inputDigest; }
    const BuildMessages &messages() const { return m_messages; }
    bool hasErrors() const { return ignis::hasErrors(m_messages); }

    // Resolves the tokens and renders the CSS; false with `messages` on token errors.
    bool render(QByteArray *css);

private:
    QString m_projectDir;
    slate::BuildConfig m_config;
    QByteArray m_inputDigest;
    BuildMessages m_messages;
};

} // namespace helios::ignis
