// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "landing_page_model.h"

#include <QByteArray>
#include <QString>

namespace helios::server {

// Renders the LANDING web page: the six subsystems with health and links, and who is
// signed in. A pure function of the model: plain semantic HTML with inline CSS (light
// and dark through prefers-color-scheme), no script. The markup comes from the
// compiled-in templates under resources/landing/.
//
// Every string from the model is HTML-escaped where it is inserted; a URL that is not
// http(s) or a path on this server is shown as text, not linked. Each subsystem is an
// element with data-subsystem="<name>" and data-health="up|down|unknown" for checks.
class LandingPageRenderer {
public:
    // UTF-8 HTML, Content-Type "text/html; charset=utf-8". Thread-safe.
    static QByteArray render(const LandingPageModel &model);

    // & < > " ' replaced by entities: safe in text and in quoted attribute values.
    static QString escapeHtml(QStringView text);

    // True for "http://…", "https://…" and "/path" (not "//host"): what may go in href.
    static bool isSafeLink(QStringView url);
};

} // namespace helios::server
