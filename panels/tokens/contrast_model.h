// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace helios::slate {
class TokenSet;
}

namespace helios::panels {

// WCAG 2.x contrast of foreground/background colour pairs in the active theme. Pairs come
// from `$extensions."io.helios.contrast".against` on a foreground token, from sibling
// tokens named fg/bg (foreground/background, text/surface), and from the user.
class ContrastModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Foreground, Background, Ratio, AA, AAA, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Recomputes every pair against `set` (which must outlive the next refresh).
    void refresh(const slate::TokenSet &set);
    void addPair(const QString &foreground, const QString &background);
    // The ratio of the pair in `row`, 0 when a colour is unresolved or not sRGB.
    double ratio(int row) const { return m_rows[size_t(row)].ratio; }

    // WCAG 2.x relative luminance contrast, 1..21.
    static double contrastRatio(const QColor &foreground, const QColor &background);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString foreground;
        QString background;
        QColor fg;
        QColor bg;
        double ratio = 0;
    };
    void compute(Row &row) const;

    const slate::TokenSet *m_set = nullptr;
    std::vector<Row> m_rows;
    std::vector<std::pair<QString, QString>> m_userPairs;
};

} // namespace helios::panels
