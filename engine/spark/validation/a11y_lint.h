// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/validation_report.h"

#include <QList>
#include <QString>

namespace helios::spark {

// The accessibility lint of a .tsx file's JSX (see jsx_scanner.h), intrinsic elements only
// (a <Button> is checked in its own file). Each finding is an error at the tag's '<':
//
// - <button> (and <a href>) without an accessible name: no text or expression content, no
//   aria-label, aria-labelledby or title;
// - <input> (except hidden/submit/reset/button/image), <select>, <textarea> without a
//   <label htmlFor> naming its id, a wrapping <label>, aria-label or aria-labelledby;
// - <img> without alt (alt="" is fine: decorative);
// - onClick on an element that is not interactive (div, span, li, ...) and has no role;
// - an interactive role (button, link, checkbox, switch, tab, menuitem, option, ...) on an
//   element that is not focusable by nature, without a keyboard handler (onKeyDown/Up/Press)
//   on it or a container, or without tabIndex. Items of a composite widget (a tab, a
//   menuitem, an option...) may leave both to a container that handles keys, as the
//   ARIA patterns' roving focus does; an option inside a listbox needs neither, since a
//   combobox's input may drive it through aria-activedescendant;
// - <a> without a real href but with onClick: a button in disguise.
//
// Tolerance over false alarms: an element with {...rest} is not checked for names or
// labels (they may come through the spread), and an expression child counts as content.
class A11yLint {
public:
    void lint(const QString &file, const QString &tsx, QList<ValidationIssue> &issues) const;
};

} // namespace helios::spark
