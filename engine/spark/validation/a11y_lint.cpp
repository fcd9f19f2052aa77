// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/a11y_lint.h"

#include "spark/validation/jsx_scanner.h"
#include "spark/validation/source_location.h"

#include <QSet>

namespace helios::spark {

namespace {

const QSet<QString> &naturallyInteractive()
{
    static const QSet<QString> tags{QStringLiteral("button"),  QStringLiteral("a"),       QStringLiteral("input"),
                                    QStringLiteral("select"),  QStringLiteral("textarea"), QStringLiteral("summary"),
                                    QStringLiteral("option"),  QStringLiteral("label"),   QStringLiteral("details"),
                                    QStringLiteral("audio"),   QStringLiteral("video"),   QStringLiteral("form"),
                                    QStringLiteral("dialog")};
    return tags;
}

const QSet<QString> &interactiveRoles()
{
    static const QSet<QString> roles{
        QStringLiteral("button"),    QStringLiteral("link"),     QStringLiteral("checkbox"),
        QStringLiteral("switch"),    QStringLiteral("radio"),    QStringLiteral("tab"),
        QStringLiteral("menuitem"),  QStringLiteral("menuitemcheckbox"), QStringLiteral("menuitemradio"),
        QStringLiteral("option"),    QStringLiteral("treeitem"), QStringLiteral("slider"),
        QStringLiteral("spinbutton"), QStringLiteral("combobox"), QStringLiteral("searchbox"),
        QStringLiteral("textbox")};
    return roles;
}

// Roles whose keyboard handling and focus the ARIA patterns give to the container.
bool isItemRole(const QString &role)
{
    static const QSet<QString> roles{QStringLiteral("tab"), QStringLiteral("menuitem"),
                                     QStringLiteral("menuitemcheckbox"), QStringLiteral("menuitemradio"),
                                     QStringLiteral("option"), QStringLiteral("treeitem"), QStringLiteral("radio")};
    return roles.contains(role);
}

bool hasKeyboardHandler(const JsxElement &e)
{
    return e.has(QLatin1StringView("onKeyDown")) || e.has(QLatin1StringView("onKeyUp"))
        || e.has(QLatin1StringView("onKeyPress"));
}

bool hasName(const JsxElement &e)
{
    return e.hasValue(QLatin1StringView("aria-label")) || e.hasValue(QLatin1StringView("aria-labelledby"))
        || e.hasValue(QLatin1StringView("title"));
}

bool realHref(const JsxElement &e)
{
    const JsxAttribute *href = e.attribute(QLatin1StringView("href"));
    if (!href)
        return false;
    if (href->expression)
        return true;
    const QString value = href->value.trimmed();
    return !value.isEmpty() && value != QLatin1StringView("#")
        && !value.startsWith(QLatin1StringView("javascript:"), Qt::CaseInsensitive);
}

bool naturallyFocusable(const JsxElement &e)
{
    static const QSet<QString> tags{QStringLiteral("button"), QStringLiteral("input"), QStringLiteral("select"),
                                    QStringLiteral("textarea"), QStringLiteral("summary")};
    return tags.contains(e.tag) || (e.tag == QLatin1StringView("a") && realHref(e));
}

// The label key of an id or htmlFor: a string's text, or an expression's source, so
// htmlFor={inputId} matches id={inputId}.
QString labelKey(const JsxAttribute &a)
{
    return (a.expression ? QStringLiteral("{") : QStringLiteral("\"")) + a.value.trimmed();
}

} // namespace

void A11yLint::lint(const QString &file, const QString &tsx, QList<ValidationIssue> &issues) const
{
    const QList<JsxElement> elements = scanJsx(tsx);
    if (elements.isEmpty())
        return;
    QSet<QString> labelled;
    for (const JsxElement &e : elements) {
        if (e.tag == QLatin1StringView("label")) {
            const JsxAttribute *target = e.attribute(QLatin1StringView("htmlFor"));
            if (!target)
                target = e.attribute(QLatin1StringView("for"));
            if (target)
                labelled.insert(labelKey(*target));
        }
    }

    const LineIndex lines(tsx);
    const auto report = [&](const JsxElement &e, const QString &message) {
        ValidationIssue issue;
        issue.check = QStringLiteral("a11y");
        issue.file = file;
        issue.line = lines.line(e.offset);
        issue.column = lines.column(e.offset);
        issue.message = message;
        issues.append(issue);
    };

    for (const JsxElement &e : elements) {
        if (!e.intrinsic())
            continue;
        const QString &tag = e.tag;
        const JsxAttribute *roleAttribute = e.attribute(QLatin1StringView("role"));
        const QString role = roleAttribute ? roleAttribute->value.trimmed() : QString();
        const JsxAttribute *hidden = e.attribute(QLatin1StringView("aria-hidden"));
        const bool ariaHidden = hidden && hidden->value != QLatin1StringView("false");

        if (tag == QLatin1StringView("button") && !e.spread && !e.content && !hasName(e)) {
            report(e, QStringLiteral("<button> has no accessible name: give it text, aria-label or aria-labelledby"));
        } else if (tag == QLatin1StringView("img") && !e.spread && !e.has(QLatin1StringView("alt")) && !ariaHidden) {
            report(e, QStringLiteral("<img> has no alt: describe the image, or alt=\"\" when it is decorative"));
        } else if (tag == QLatin1StringView("input") || tag == QLatin1StringView("select")
                   || tag == QLatin1StringView("textarea")) {
            const JsxAttribute *type = e.attribute(QLatin1StringView("type"));
            static const QSet<QString> unlabelled{QStringLiteral("hidden"), QStringLiteral("submit"),
                                                  QStringLiteral("reset"), QStringLiteral("button"),
                                                  QStringLiteral("image")};
            const bool needsLabel = !(tag == QLatin1StringView("input") && type && !type->expression
                                      && unlabelled.contains(type->value.trimmed().toLower()));
            const JsxAttribute *id = e.attribute(QLatin1StringView("id"));
            const bool labelledBy = e.insideLabel || hasName(e) || (id && labelled.contains(labelKey(*id)));
            if (needsLabel && !e.spread && !labelledBy)
                report(e, QStringLiteral("<") + tag
                              + QStringLiteral("> has no label: add <label htmlFor> for its id, wrap it in a <label>, "
                                               "or give it aria-label or aria-labelledby"));
        }

        if (tag == QLatin1StringView("a")) {
            if (!realHref(e) && e.has(QLatin1StringView("onClick"))) {
                report(e, QStringLiteral("<a> without an href is used as a button: use <button type=\"button\">"));
                continue;
            }
            if (realHref(e) && !e.spread && !e.content && !hasName(e))
                report(e, QStringLiteral("<a> has no accessible name: give it text or aria-label"));
        }

        const bool interactiveRole = interactiveRoles().contains(role);
        if (e.has(QLatin1StringView("onClick")) && !naturallyInteractive().contains(tag) && !interactiveRole) {
            report(e, QStringLiteral("onClick on <") + tag
                          + QStringLiteral("> that is not interactive: use a <button>, or add role, tabIndex and onKeyDown"));
            continue;
        }
        if (interactiveRole && !naturallyFocusable(e)) {
            // An item leaves keys and focus to its container only when the container
            // handles keys; an option may also be driven from a combobox's input through
            // aria-activedescendant, so a listbox around it is enough.
            const bool item = isItemRole(role)
                && (e.keyboardAncestor || (role == QLatin1StringView("option") && e.compositeAncestor));
            const bool keyboard = hasKeyboardHandler(e) || e.keyboardAncestor || item;
            const bool focus = e.has(QLatin1StringView("tabIndex")) || e.has(QLatin1StringView("tabindex")) || item;
            if (!keyboard || !focus) {
                QStringList missing;
                if (!keyboard)
                    missing << QStringLiteral("a keyboard handler (onKeyDown)");
                if (!focus)
                    missing << QStringLiteral("tabIndex");
                report(e, QStringLiteral("role=\"") + role + QStringLiteral("\" on <") + tag + QStringLiteral("> needs ")
                              + missing.join(QStringLiteral(" and ")) + QStringLiteral(" to work from the keyboard"));
            }
        }
    }
}

} // namespace helios::spark
