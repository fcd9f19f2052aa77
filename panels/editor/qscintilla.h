// SPDX-License-Identifier: Apache-2.0
#pragma once

// QScintilla's headers use the `signals` and `slots` keywords, which the project turns off
// (QT_NO_KEYWORDS). Every QScintilla header the editor needs is included here, once, with
// the keywords mapped to their macros; include this instead of <Qsci/...>.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexer.h>
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerhtml.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals
