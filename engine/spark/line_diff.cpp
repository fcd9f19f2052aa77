// SPDX-License-Identifier: Apache-2.0
#include "spark/line_diff.h"

#include <QByteArrayView>
#include <QList>

#include <algorithm>

namespace helios::spark {

namespace {

// Beyond this many differing lines the exact edit script costs more memory than it is
// worth (Myers keeps O(D²) endpoints): the middle is shown as removed and added whole.
constexpr int MaxEditDistance = 4000;

enum class Op : char { Equal, Delete, Insert };

struct Edit {
    Op op;
    int line; // index into before (Equal, Delete) or after (Insert)
};

// Lines keep their '\n' so that "x" at the end of a file without a newline and "x\n"
// differ, as they do for diff(1).
QList<QByteArrayView> splitLines(const QByteArray &text)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        const qsizetype stop = end < 0 ? text.size() : end + 1;
        lines.append(QByteArrayView(text).sliced(start, stop - start));
        start = stop;
    }
    return lines;
}

// The shortest edit script from a[aBegin, aEnd) to b[bBegin, bEnd), or false when it
// needs more than MaxEditDistance edits.
bool myers(const QList<QByteArrayView> &a, int aBegin, int aEnd, const QList<QByteArrayView> &b, int bBegin,
           int bEnd, QList<Edit> &out)
{
    const int n = aEnd - aBegin;
    const int m = bEnd - bBegin;
    const int maxD = std::min(n + m, MaxEditDistance);
    const int offset = maxD + 1;
    QList<int> v(2 * maxD + 3, 0);
    // endpoints[d] holds V[-d..d] after round d, for the walk back.
    QList<QList<int>> endpoints;
    int found = -1;
    for (int d = 0; d <= maxD && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            const bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[aBegin + x] == b[bBegin + y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m)
                found = d;
        }
        endpoints.append(v.mid(offset - d, 2 * d + 1));
    }
    if (found < 0)
        return false;

    QList<Edit> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const int k = x - y;
        const QList<int> &prev = endpoints[d - 1];
        const auto at = [&](int kk) { return prev[kk + d - 1]; };
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        const int snakeX = down ? prevX : prevX + 1;
        while (x > snakeX) {
            reversed.append({Op::Equal, aBegin + x - 1});
            --x;
            --y;
        }
        if (down)
            reversed.append({Op::Insert, bBegin + prevY});
        else
            reversed.append({Op::Delete, aBegin + prevX});
        x = prevX;
        y = prevY;
    }
    while (x > 0) {
        reversed.append({Op::Equal, aBegin + x - 1});
        --x;
    }
    std::reverse(reversed.begin(), reversed.end());
    out.append(reversed);
    return true;
}

QList<Edit> editScript(const QList<QByteArrayView> &a, const QList<QByteArrayView> &b)
{
    // The common head and tail cost nothing to find and usually are most of the file.
    int head = 0;
    const int aSize = int(a.size());
    const int bSize = int(b.size());
    while (head < aSize && head < bSize && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < aSize - head && tail < bSize - head && a[aSize - 1 - tail] == b[bSize - 1 - tail])
        ++tail;

    QList<Edit> edits;
    edits.reserve(std::max(aSize, bSize));
    for (int i = 0; i < head; ++i)
        edits.append({Op::Equal, i});
    if (!myers(a, head, aSize - tail, b, head, bSize - tail, edits)) {
        for (int i = head; i < aSize - tail; ++i)
            edits.append({Op::Delete, i});
        for (int i = head; i < bSize - tail; ++i)
            edits.append({Op::Insert, i});
    }
    for (int i = aSize - tail; i < aSize; ++i)
        edits.append({Op::Equal, i});
    return edits;
}

void appendLine(QByteArray &out, char marker, QByteArrayView line)
{
    out.append(marker);
    if (line.endsWith('\n')) {
        out.append(line);
    } else {
        out.append(line);
        out.append("\n\\ No newline at end of file\n");
    }
}

// "3,4", "3" for one line, and for none the line before the hunk, as diff -u writes it.
QByteArray range(int start, int count)
{
    if (count == 1)
        return QByteArray::number(start + 1);
    return QByteArray::number(count == 0 ? start : start + 1) + ',' + QByteArray::number(count);
}

} // namespace

QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after, int context)
{
    if (before == after)
        return {};
    context = std::max(0, context);
    const QList<QByteArrayView> a = splitLines(before);
    const QList<QByteArrayView> b = splitLines(after);
    const QList<Edit> edits = editScript(a, b);

    // Where each edit starts in either file, for the hunk headers.
    const qsizetype count = edits.size();
    QList<int> aPos(count + 1);
    QList<int> bPos(count + 1);
    for (qsizetype i = 0; i < count; ++i) {
        aPos[i + 1] = aPos[i] + (edits[i].op != Op::Insert ? 1 : 0);
        bPos[i + 1] = bPos[i] + (edits[i].op != Op::Delete ? 1 : 0);
    }

    QByteArray out;
    const QByteArray name = path.toUtf8();
    out.append(before.isEmpty() ? QByteArray("--- /dev/null\n") : "--- a/" + name + '\n');
    out.append(after.isEmpty() ? QByteArray("+++ /dev/null\n") : "+++ b/" + name + '\n');

    qsizetype i = 0;
    while (i < count) {
        while (i < count && edits[i].op == Op::Equal)
            ++i;
        if (i >= count)
            break;
        const qsizetype begin = std::max<qsizetype>(0, i - context);
        // Extend while the next change is close enough that the hunks would touch.
        qsizetype lastChange = i;
        qsizetype j = i + 1;
        while (j < count) {
            if (edits[j].op != Op::Equal) {
                lastChange = j;
            } else if (j - lastChange > 2 * context) {
                break;
            }
            ++j;
        }
        const qsizetype end = std::min(count, lastChange + 1 + context);
        out.append("@@ -" + range(aPos[begin], aPos[end] - aPos[begin]) + " +"
                   + range(bPos[begin], bPos[end] - bPos[begin]) + " @@\n");
        for (qsizetype e = begin; e < end; ++e) {
            const Edit &edit = edits[e];
            switch (edit.op) {
            case Op::Equal:
                appendLine(out, ' ', a[edit.line]);
                break;
            case Op::Delete:
                appendLine(out, '-', a[edit.line]);
                break;
            case Op::Insert:
                appendLine(out, '+', b[edit.line]);
                break;
            }
        }
        i = end;
    }
    return QString::fromUtf8(out);
}

} // namespace helios::spark
