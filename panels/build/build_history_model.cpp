// SPDX-License-Identifier: Apache-2.0
#include "build_history_model.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QStyle>

namespace helios::panels {

using ignis::BuildReport;

namespace {

bool sameBuilds(const QList<BuildReport> &a, const QList<BuildReport> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id)
            return false;
    return true;
}

QDateTime startedAt(const BuildReport &report) {
    return QDateTime::fromString(report.startedAt, Qt::ISODateWithMs);
}

} // namespace

void BuildHistoryModel::setReports(const QList<BuildReport> &reports) {
    if (!m_reports.isEmpty() && sameBuilds(m_reports, reports)) {
        m_reports = reports;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_reports = reports;
    endResetModel();
}

QString BuildHistoryModel::formatDuration(qint64 ms) {
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = (ms + 500) / 1000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

int BuildHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_reports.size());
}

int BuildHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BuildHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BuildReport &report = m_reports.at(index.row());
    const bool running = report.status == BuildReport::Status::Running;
    if (role == BuildIdRole)
        return report.id;
    if (role == Qt::ToolTipRole)
        return report.projectDir;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Duration || index.column() == OutputSize))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == Status) {
        const QStyle::StandardPixmap icon = running              ? QStyle::SP_BrowserReload
                                            : report.succeeded() ? QStyle::SP_DialogApplyButton
                                                                 : QStyle::SP_MessageBoxCritical;
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::ForegroundRole && index.column() == Status &&
        report.status == BuildReport::Status::Failed)
        return QColor(Qt::red);
    if (role == RawValueRole) {
        switch (index.column()) {
        case Started:
            return startedAt(report);
        case Status:
            return int(report.status);
        case Duration:
            return report.durationMs;
        case Cache:
            return report.cache;
        case OutputSize:
            return report.outputBytes();
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Started: {
        const QDateTime started = startedAt(report);
        return started.isValid() ? QLocale().toString(started.toLocalTime(), QLocale::ShortFormat)
                                 : report.startedAt;
    }
    case Status:
        switch (report.status) {
        case BuildReport::Status::Running:
            return tr("running");
        case BuildReport::Status::Succeeded:
            return tr("succeeded");
        case BuildReport::Status::Failed:
            return tr("failed");
        }
        return {};
    case Duration:
        return running ? QString() : formatDuration(report.durationMs);
    case Cache:
        if (running)
            return QString();
        if (report.cache == QLatin1String("hit"))
            return tr("hit");
        if (report.cache == QLatin1String("partial"))
            return tr("partial");
        if (report.cache == QLatin1String("miss"))
            return tr("miss");
        if (report.cache == QLatin1String("off"))
            return tr("off");
        return report.cache;
    case OutputSize:
        return report.outputs.isEmpty() ? QString()
                                        : QLocale().formattedDataSize(report.outputBytes());
    }
    return {};
}

QVariant BuildHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Started:
        return tr("Started");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case Cache:
        return tr("Cache");
    case OutputSize:
        return tr("Output");
    }
    return {};
}

} // namespace helios::panels
