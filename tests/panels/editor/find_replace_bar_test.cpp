// SPDX-License-Identifier: Apache-2.0
// FindReplaceBar on a QsciScintilla: next and previous with wrapping, case and whole-word
// options, replace of the selected match, replace all as one undo step, and no editor.
#include "editor/find_replace_bar.h"

#include "editor/qscintilla.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using helios::panels::FindReplaceBar;

namespace {

const QString Text = u"color: red;\nbackground: Red;\nborder-color: red;\nredder\n"_s;

// Where the editor's selection starts, as (line, index).
QPair<int, int> selectionStart(QsciScintilla &editor)
{
    int line = -1, index = -1, endLine = -1, endIndex = -1;
    editor.getSelection(&line, &index, &endLine, &endIndex);
    return {line, index};
}

} // namespace

class FindReplaceBarTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_editor = std::make_unique<QsciScintilla>();
        m_editor->setUtf8(true);
        m_editor->setText(Text);
        m_editor->setCursorPosition(0, 0);
        m_bar = std::make_unique<FindReplaceBar>();
        m_bar->setEditor(m_editor.get());
    }
    void cleanup()
    {
        m_bar.reset();
        m_editor.reset();
    }

    void testFindNextAndPreviousWrap()
    {
        m_bar->findEdit()->setText(u"red"_s);
        m_bar->caseSensitiveBox()->setChecked(true);
        QVERIFY(m_bar->findNext());
        QCOMPARE(selectionStart(*m_editor), qMakePair(0, 7));
        QVERIFY(m_bar->findNext()); // "Red" is skipped: case matters
        QCOMPARE(selectionStart(*m_editor), qMakePair(2, 14));
        QVERIFY(m_bar->findNext());
        QCOMPARE(selectionStart(*m_editor), qMakePair(3, 0));
        QVERIFY(m_bar->findNext()); // wraps to the top
        QCOMPARE(selectionStart(*m_editor), qMakePair(0, 7));
        QVERIFY(m_bar->findPrevious()); // and back over the end
        QCOMPARE(selectionStart(*m_editor), qMakePair(3, 0));
        QVERIFY(m_bar->findPrevious());
        QCOMPARE(selectionStart(*m_editor), qMakePair(2, 14));
        QVERIFY(m_bar->statusLabel()->text().isEmpty());
    }

    void testOptionsNarrowTheMatches_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("matchCase");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<int>("matches");
        QTest::newRow("ignoring case finds every red") << u"red"_s << false << false << 4;
        QTest::newRow("matching case skips Red") << u"red"_s << true << false << 3;
        QTest::newRow("whole words skip redder") << u"red"_s << false << true << 3;
        QTest::newRow("both options leave two") << u"red"_s << true << true << 2;
        QTest::newRow("absent text finds nothing") << u"blue"_s << false << false << 0;
    }
    void testOptionsNarrowTheMatches()
    {
        QFETCH(QString, needle);
        QFETCH(bool, matchCase);
        QFETCH(bool, wholeWords);
        QFETCH(int, matches);
        m_bar->findEdit()->setText(needle);
        m_bar->replaceEdit()->setText(u"X"_s);
        m_bar->caseSensitiveBox()->setChecked(matchCase);
        m_bar->wholeWordBox()->setChecked(wholeWords);
        QCOMPARE(m_bar->findNext(), matches > 0);
        if (matches == 0)
            QCOMPARE(m_bar->statusLabel()->text(), u"No matches"_s);
        QCOMPARE(m_bar->replaceAll(), matches);
        QCOMPARE(m_editor->text().count(u'X'), matches);
    }

    void testReplaceTakesTheSelectedMatchThenSelectsTheNext()
    {
        m_bar->findEdit()->setText(u"red"_s);
        m_bar->replaceEdit()->setText(u"blue"_s);
        m_bar->wholeWordBox()->setChecked(true);
        // Nothing selected yet: the first press only finds.
        QVERIFY(!m_bar->replace());
        QCOMPARE(m_editor->text(), Text);
        QCOMPARE(selectionStart(*m_editor), qMakePair(0, 7));
        QVERIFY(m_bar->replace());
        QCOMPARE(m_editor->text(0), u"color: blue;\n"_s);
        QCOMPARE(m_editor->selectedText(), u"Red"_s);
        QVERIFY(m_bar->isEnabled());
    }

    void testReplaceAllIsOneUndoStep()
    {
        m_bar->findEdit()->setText(u"red"_s);
        m_bar->replaceEdit()->setText(u"dark red"_s); // contains the search text
        QTest::mouseClick(findChildButton(u"replaceAllButton"_s), Qt::LeftButton);
        QCOMPARE(m_editor->text(), u"color: dark red;\nbackground: dark red;\nborder-color: dark red;\ndark redder\n"_s);
        QCOMPARE(m_bar->statusLabel()->text(), u"Replaced 4 occurrence(s)"_s);
        m_editor->undo();
        QCOMPARE(m_editor->text(), Text);
        QVERIFY(!m_editor->isUndoAvailable());
    }

    void testWithoutAnEditorNothingHappens()
    {
        m_bar->setEditor(nullptr);
        m_bar->findEdit()->setText(u"red"_s);
        QVERIFY(!findChildButton(u"findNextButton"_s)->isEnabled());
        QVERIFY(!m_bar->findNext());
        QCOMPARE(m_bar->replaceAll(), 0);
        QCOMPARE(m_editor->text(), Text);
    }

    void testStartTakesTheSelectionAsTheSearchText()
    {
        m_editor->setSelection(1, 0, 1, 10);
        m_bar->start(true);
        QVERIFY(m_bar->isVisible());
        QCOMPARE(m_bar->findEdit()->text(), u"background"_s);
        QVERIFY(m_bar->replaceEdit()->isVisible());
        m_bar->start(false);
        QVERIFY(!m_bar->replaceEdit()->isVisible());
    }

private:
    QPushButton *findChildButton(const QString &name) const
    {
        auto *button = m_bar->findChild<QPushButton *>(name);
        Q_ASSERT(button);
        return button;
    }

    std::unique_ptr<QsciScintilla> m_editor;
    std::unique_ptr<FindReplaceBar> m_bar;
};

QTEST_MAIN(FindReplaceBarTest)
#include "find_replace_bar_test.moc"
