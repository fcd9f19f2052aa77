// SPDX-License-Identifier: Apache-2.0
#include "recent_projects.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace helios::workbench {

QString chooseProjectDirectory(QWidget *parent)
{
    QString start = RecentProjects().last();
    for (;;) {
        const QString dir = QFileDialog::getExistingDirectory(
            parent, QCoreApplication::translate("helios::workbench::Projects", "Open Project"), start);
        if (dir.isEmpty())
            return {};
        if (RecentProjects::looksLikeProject(dir))
            return QFileInfo(dir).canonicalFilePath();
        QMessageBox::warning(parent, QCoreApplication::translate("helios::workbench::Projects", "Not a project"),
                             QCoreApplication::translate("helios::workbench::Projects",
                                                         "%1 is not a Helios project: it has no helios.json. "
                                                         "Choose the folder that holds helios.json.")
                                 .arg(QDir::toNativeSeparators(dir)));
        start = dir;
    }
}

} // namespace helios::workbench
