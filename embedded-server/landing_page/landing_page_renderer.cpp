// SPDX-License-Identifier: Apache-2.0
#include "landing_page_renderer.h"

#include "html_template.h"

#include "core/logging.h"

#include <QHash>

namespace helios::server {

namespace {
struct Templates {
    HtmlTemplate page;
    HtmlTemplate subsystem;
    QString style;
    bool ok = false;
};

// Loaded once: the resources cannot change while the process runs. A function-local
// static is initialised thread-safely.
const Templates &templates() {
    static const Templates loaded = [] {
        Templates t;
        auto page = HtmlTemplate::load(QStringLiteral(":/helios/landing/landing.html"));
        auto subsystem =
            HtmlTemplate::load(QStringLiteral(":/helios/landing/landing_subsystem.html"));
        auto style = HtmlTemplate::load(QStringLiteral(":/helios/landing/landing.css"));
        if (!page.ok() || !subsystem.ok() || !style.ok()) {
            qCCritical(lcLanding) << "landing page resources are missing from this build";
            return t;
        }
        t.page = std::move(page).value();
        t.subsystem = std::move(subsystem).value();
        // The stylesheet has no placeholders; rendering it just returns its text.
        t.style = style->render({});
        t.ok = true;
        return t;
    }();
    return loaded;
}

QString healthMark(SubsystemHealth health) {
    // Decorative (aria-hidden): the label next to it says the same in words.
    switch (health) {
    case SubsystemHealth::Up:
        return QString(QChar(0x2714)); // heavy check mark
    case SubsystemHealth::Down:
        return QString(QChar(0x2716)); // heavy multiplication x
    case SubsystemHealth::Unknown:
        break;
    }
    return QStringLiteral("?");
}

QString renderSubsystem(const LandingSubsystem &subsystem) {
    const QString title = LandingPageRenderer::escapeHtml(
        subsystem.title.isEmpty() ? subsystem.name : subsystem.title);
    const QString heading = LandingPageRenderer::isSafeLink(subsystem.url)
                                ? QStringLiteral("<a href=\"%1\">%2</a>")
                                      .arg(LandingPageRenderer::escapeHtml(subsystem.url), title)
                                : title;
    const QString detail =
        subsystem.detail.isEmpty()
            ? QString()
            : QStringLiteral("\n            <div><dt>Detail</dt><dd>%1</dd></div>")
                  .arg(LandingPageRenderer::escapeHtml(subsystem.detail));
    return templates().subsystem.render({
        {QStringLiteral("name"), LandingPageRenderer::escapeHtml(subsystem.name)},
        {QStringLiteral("heading"), heading},
        {QStringLiteral("description"), LandingPageRenderer::escapeHtml(subsystem.description)},
        {QStringLiteral("health"), healthName(subsystem.health)},
        {QStringLiteral("health_label"), healthLabel(subsystem.health)},
        {QStringLiteral("health_mark"), healthMark(subsystem.health)},
        {QStringLiteral("port"),
         subsystem.port > 0 ? QString::number(subsystem.port) : QStringLiteral("none")},
        {QStringLiteral("detail"), detail},
    });
}

QString renderUser(const std::optional<LandingUser> &user) {
    if (!user)
        return QStringLiteral("<p class=\"signed-out\">Not signed in</p>");
    QString role;
    if (!user->role.isEmpty())
        role = QStringLiteral(" <span class=\"role\">(%1)</span>")
                   .arg(LandingPageRenderer::escapeHtml(user->role));
    return QStringLiteral(
               "<p class=\"signed-in\">Signed in as <strong class=\"subject\">%1</strong>%2</p>")
        .arg(LandingPageRenderer::escapeHtml(user->subject), role);
}

QString summaryOf(const QList<LandingSubsystem> &subsystems) {
    int up = 0, down = 0, unknown = 0;
    for (const LandingSubsystem &s : subsystems) {
        switch (s.health) {
        case SubsystemHealth::Up:
            ++up;
            break;
        case SubsystemHealth::Down:
            ++down;
            break;
        case SubsystemHealth::Unknown:
            ++unknown;
            break;
        }
    }
    QString text = QStringLiteral("%1 of %2 subsystems up").arg(up).arg(subsystems.size());
    if (down > 0)
        text += QStringLiteral(", %1 down").arg(down);
    if (unknown > 0)
        text += QStringLiteral(", %1 unknown").arg(unknown);
    return text;
}
} // namespace

QString LandingPageRenderer::escapeHtml(QStringView text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&#39;");
            break;
        case 0:
            out += QChar(QChar::ReplacementCharacter);
            break; // HTML parsers drop or mangle NUL
        default:
            out += c;
        }
    }
    return out;
}

bool LandingPageRenderer::isSafeLink(QStringView url) {
    if (url.startsWith(u'/'))
        return !url.startsWith(u"//") && !url.startsWith(u"/\\");
    return url.startsWith(u"https://", Qt::CaseInsensitive) ||
           url.startsWith(u"http://", Qt::CaseInsensitive);
}

QByteArray LandingPageRenderer::render(const LandingPageModel &model) {
    const Templates &t = templates();
    if (!t.ok)
        return QByteArrayLiteral(
            "<!DOCTYPE html><html lang=\"en\"><title>Helios</title>"
            "<p>The landing page template is missing from this build.</p></html>");
    QString items;
    for (const LandingSubsystem &subsystem : model.subsystems)
        items += renderSubsystem(subsystem);
    // Trailing newline of the item template: the list closes on its own line.
    if (items.endsWith(u'\n'))
        items.chop(1);
    return t.page
        .render({
            {QStringLiteral("style"), t.style},
            {QStringLiteral("version"), escapeHtml(model.version)},
            {QStringLiteral("user"), renderUser(model.user)},
            {QStringLiteral("summary"), summaryOf(model.subsystems)},
            {QStringLiteral("subsystems"), items},
        })
        .toUtf8();
}

} // namespace helios::server
