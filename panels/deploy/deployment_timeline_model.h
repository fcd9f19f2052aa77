// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "waypoint/release.h"

#include <QAbstractListModel>
#include <QList>

namespace helios::panels {

// The project's deployments, newest first, one line each (when, environment, version,
// kind, status, who); the tooltip lists the timed steps and any error.
class DeploymentTimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { StatusRole = Qt::UserRole + 1 }; // the status id, "succeeded", ...

    using QAbstractListModel::QAbstractListModel;

    void setDeployments(const QList<waypoint::Deployment> &deployments);
    const QList<waypoint::Deployment> &deployments() const { return m_deployments; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<waypoint::Deployment> m_deployments;
};

} // namespace helios::panels
