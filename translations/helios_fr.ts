<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>helios::panels::AliasValueEditor</name>
    <message>
        <location filename="../panels/tokens/alias_value_editor.cpp" line="+22"/>
        <source>{group.token} or a value</source>
        <translation>{group.token} ou une valeur</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no such token</source>
        <translation>jeton inexistant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unresolved</source>
        <translation>non résolu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 resolves to %2</source>
        <translation>%1 se résout en %2</translation>
    </message>
</context>
<context>
    <name>helios::panels::BackendStatusModel</name>
    <message>
        <location filename="../panels/home/backend_status_model.cpp" line="+35"/>
        <source>reachable</source>
        <translation>accessible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreachable</source>
        <translation>inaccessible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back end</source>
        <translation>Back-end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildDurationChart</name>
    <message>
        <location filename="../panels/build/build_duration_chart.cpp" line="+19"/>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Build durations</source>
        <translation>Durées de build</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent builds, oldest first</source>
        <translation>Builds récents, du plus ancien au plus récent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milliseconds</source>
        <translation>Millisecondes</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildHistoryModel</name>
    <message>
        <location filename="../panels/build/build_history_model.cpp" line="+44"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hit</source>
        <translation>succès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partial</source>
        <translation>partiel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>miss</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildLogModel</name>
    <message>
        <location filename="../panels/build/build_log_model.cpp" line="+48"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:%2:%3: %4: %5</source>
        <translation>%1:%2:%3 : %4 : %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Double-click to open %1 at line %2</source>
        <translation>Double-cliquez pour ouvrir %1 à la ligne %2</translation>
    </message>
</context>
<context>
    <name>helios::panels::BuildPanel</name>
    <message>
        <location filename="../panels/build/build_panel.cpp" line="+53"/>
        <location line="+28"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Project:</source>
        <translation>Projet :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Directory with a helios.json</source>
        <translation>Dossier contenant un helios.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use cache</source>
        <translation>Utiliser le cache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reuse the results of earlier builds whose inputs have not changed</source>
        <translation>Réutiliser les résultats des builds précédents dont les entrées n&apos;ont pas changé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m steps</source>
        <translation>%v étapes sur %m</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Building %1</source>
        <translation>Build de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building %1 without the cache</source>
        <translation>Build de %1 sans le cache</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Build succeeded in %1: %n file(s), %2, cache %3</source>
        <translation>
            <numerusform>Build réussi en %1 : %n fichier, %2, cache %3</numerusform>
            <numerusform>Build réussi en %1 : %n fichiers, %2, cache %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Build failed after %1 with %n error(s)</source>
        <translation>
            <numerusform>Build échoué après %1 avec %n erreur</numerusform>
            <numerusform>Build échoué après %1 avec %n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The build of %1 failed: %2</source>
        <translation>Le build de %1 a échoué : %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The build history could not be read.</source>
        <translation>L&apos;historique des builds n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No builds yet.</source>
        <translation>Aucun build pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n build(s): %1 succeeded, %2 failed, %3 from the cache; %4 on average</source>
        <translation>
            <numerusform>%n build : %1 réussi(s), %2 échoué(s), %3 depuis le cache ; %4 en moyenne</numerusform>
            <numerusform>%n builds : %1 réussi(s), %2 échoué(s), %3 depuis le cache ; %4 en moyenne</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::ColorValueEditor</name>
    <message>
        <location filename="../panels/tokens/color_value_editor.cpp" line="+19"/>
        <location line="+36"/>
        <source>Choose a colour</source>
        <translation>Choisir une couleur</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>#rrggbb</source>
        <translation>#rrggbb</translation>
    </message>
</context>
<context>
    <name>helios::panels::CommitDialog</name>
    <message>
        <location filename="../panels/editor/commit_dialog.cpp" line="+32"/>
        <source>Commit Changes</source>
        <translation>Valider les modifications</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Describe the change</source>
        <translation>Décrivez la modification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the changes…</source>
        <translation>Lecture des modifications…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files:</source>
        <translation>Fichiers :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message:</source>
        <translation>Message :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author:</source>
        <translation>Auteur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The changes could not be read: %1</source>
        <translation>Les modifications n&apos;ont pas pu être lues : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to commit: no file has changed.</source>
        <translation>Rien à valider : aucun fichier n&apos;a changé.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>%n fichier modifié</numerusform>
            <numerusform>%n fichiers modifiés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Committing…</source>
        <translation>Validation en cours…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The commit failed: %1</source>
        <translation>Le commit a échoué : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed %1.</source>
        <translation>%1 validé.</translation>
    </message>
</context>
<context>
    <name>helios::panels::ConsoleMessageModel</name>
    <message>
        <location filename="../panels/preview/console_message_model.cpp" line="+66"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
%2:%3</source>
        <translation>%1
%2:%3</translation>
    </message>
</context>
<context>
    <name>helios::panels::ContrastModel</name>
    <message>
        <location filename="../panels/tokens/contrast_model.cpp" line="+126"/>
        <source>%1:1</source>
        <translation>%1:1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>pass</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>fail</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Foreground</source>
        <translation>Premier plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background</source>
        <translation>Arrière-plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AA (4.5)</source>
        <translation>AA (4,5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AAA (7)</source>
        <translation>AAA (7)</translation>
    </message>
</context>
<context>
    <name>helios::panels::DeployPanel</name>
    <message>
        <location filename="../panels/deploy/deploy_panel.cpp" line="+78"/>
        <location line="+29"/>
        <source>Deploy</source>
        <translation>Déployer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy the selected release to the selected environment</source>
        <translation>Déployer la version choisie dans l&apos;environnement choisi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+225"/>
        <source>Approve the deployment waiting for the selected environment and run it</source>
        <translation>Approuver le déploiement en attente pour l&apos;environnement choisi et l&apos;exécuter</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Promote</source>
        <translation>Promouvoir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy what the previous environment runs to the selected one</source>
        <translation>Déployer dans l&apos;environnement choisi ce qui tourne dans le précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected environment back on its previous healthy release</source>
        <translation>Ramener l&apos;environnement choisi à sa précédente version saine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the deployments again</source>
        <translation>Relire les déploiements</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Releases</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No project open.</source>
        <translation>Aucun projet ouvert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project: %1</source>
        <translation>Projet : %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Acting as %1 (%2)</source>
        <translation>Agit en tant que %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The deployments could not be read: %1</source>
        <translation>Les déploiements n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No releases yet: build the project, or run `helios deploy`.</source>
        <translation>Aucune version pour l&apos;instant : compilez le projet ou lancez `helios deploy`.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Needs the %1 role; you are %2</source>
        <translation>Nécessite le rôle %1 ; vous êtes %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Deploying %1 to %2…</source>
        <translation>Déploiement de %1 vers %2…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approving %1 for %2…</source>
        <translation>Approbation de %1 pour %2…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promoting to %1…</source>
        <translation>Promotion vers %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rolling %1 back…</source>
        <translation>Retour en arrière de %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The deployment to %1 was not approved: %2</source>
        <translation>Le déploiement vers %1 n&apos;a pas été approuvé : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was not rolled back: %2</source>
        <translation>%1 n&apos;est pas revenu en arrière : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The deployment to %1 did not start: %2</source>
        <translation>Le déploiement vers %1 n&apos;a pas démarré : %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 waits for approval before it goes to %2.</source>
        <translation>%1 attend une approbation avant de passer en %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is live on %2: %3</source>
        <translation>%1 est en ligne sur %2 : %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is back on %2.</source>
        <translation>%1 est revenu à %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed on %2: %3</source>
        <translation>%1 a échoué sur %2 : %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed on %2 and it was put back on %3: %4</source>
        <translation>%1 a échoué sur %2 et a été ramené à %3 : %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is still deploying to %2.</source>
        <translation>%1 est encore en cours de déploiement vers %2.</translation>
    </message>
    <message>
        <location filename="../panels/deploy/deploy_texts.cpp" line="+16"/>
        <source>awaiting approval</source>
        <translation>en attente d&apos;approbation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed, rolled back</source>
        <translation>échoué, revenu en arrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back</source>
        <translation>revenu en arrière</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>healthy</source>
        <translation>sain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unhealthy</source>
        <translation>défaillant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not deployed</source>
        <translation>non déployé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the configuration</source>
        <translation>Chargement de la configuration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pulling the image</source>
        <translation>Récupération de l&apos;image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling out</source>
        <translation>Déploiement progressif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking health</source>
        <translation>Vérification de l&apos;état</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switching the address</source>
        <translation>Basculement de l&apos;adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling back</source>
        <translation>Retour en arrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deploy</source>
        <translation>déploiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>promotion</source>
        <translation>promotion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic deploy</source>
        <translation>déploiement automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollback</source>
        <translation>retour en arrière</translation>
    </message>
</context>
<context>
    <name>helios::panels::DeploymentTimelineModel</name>
    <message>
        <location filename="../panels/deploy/deployment_timeline_model.cpp" line="+16"/>
        <source>%1, approved by %2</source>
        <translation>%1, approuvé par %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2 %3 to %4: %5 (%6)</source>
        <translation>%1  %2 de %3 vers %4 : %5 (%6)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2: %3 ms%4</source>
        <translation>%1 %2 : %3 ms%4</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n ms in all</source>
        <translation>
            <numerusform>%n ms au total</numerusform>
            <numerusform>%n ms au total</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back on %1</source>
        <translation>Ramené à %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No steps run yet</source>
        <translation>Aucune étape exécutée pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>helios::panels::DiagnosticsModel</name>
    <message>
        <location filename="../panels/tokens/diagnostics_model.cpp" line="+46"/>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(expected %1, found %2)</source>
        <translation>(%1 attendu, %2 trouvé)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>helios::panels::EditorPanel</name>
    <message>
        <location filename="../panels/editor/editor_panel.cpp" line="+42"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace…</source>
        <translation>R&amp;emplacer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save A&amp;ll</source>
        <translation>&amp;Tout enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Commit…</source>
        <translation>&amp;Commit…</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 a des modifications non enregistrées. Les enregistrer avant de fermer ?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 changed on disk; the editor keeps your unsaved changes.</source>
        <translation>%1 a changé sur le disque ; l&apos;éditeur conserve vos modifications non enregistrées.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The git status of %1 could not be read: %2</source>
        <translation>L&apos;état git de %1 n&apos;a pas pu être lu : %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The project is not in a git repository: there is nothing to commit to.</source>
        <translation>Le projet n&apos;est pas dans un dépôt git : il n&apos;y a rien où valider.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some files have unsaved changes; the commit takes them as they are on disk.</source>
        <translation>Certains fichiers ont des modifications non enregistrées ; le commit les prend tels qu&apos;ils sont sur le disque.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed %1.</source>
        <translation>%1 validé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The commit failed: %1</source>
        <translation>Le commit a échoué : %1</translation>
    </message>
</context>
<context>
    <name>helios::panels::EnvironmentTableModel</name>
    <message>
        <location filename="../panels/deploy/environment_table_model.cpp" line="+43"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 awaiting approval</source>
        <translation>%1 en attente d&apos;approbation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Target: %1</source>
        <translation>Cible : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployments need a %1&apos;s approval</source>
        <translation>Les déploiements nécessitent l&apos;approbation d&apos;un %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No approval needed</source>
        <translation>Aucune approbation nécessaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploys every successful build by itself</source>
        <translation>Déploie automatiquement chaque build réussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promotes from %1</source>
        <translation>Promeut depuis %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requested by %1 on %2</source>
        <translation>Demandé par %1 le %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Live since %1</source>
        <translation>En ligne depuis %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>État de santé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending approval</source>
        <translation>Approbation en attente</translation>
    </message>
</context>
<context>
    <name>helios::panels::EventLogModel</name>
    <message>
        <location filename="../panels/events/event_log_model.cpp" line="+85"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>helios::panels::EventsPanel</name>
    <message>
        <location filename="../panels/events/events_panel.cpp" line="+37"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Events panel receives no events: %1</source>
        <translation>Le panneau Événements ne reçoit aucun événement : %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter by type, source, subject or summary</source>
        <translation>Filtrer par type, source, sujet ou résumé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Stop adding rows; events keep arriving and are shown on resume</source>
        <translation>Ne plus ajouter de lignes ; les événements continuent d&apos;arriver et s&apos;affichent à la reprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select an event to see it as JSON</source>
        <translation>Sélectionnez un événement pour le voir en JSON</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 sur %n événement</numerusform>
            <numerusform>%1 sur %n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(paused, %n waiting)</source>
        <translation>
            <numerusform>(en pause, %n en attente)</numerusform>
            <numerusform>(en pause, %n en attente)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::ExpertScoresView</name>
    <message>
        <location filename="../panels/spark/expert_scores_view.cpp" line="+66"/>
        <source>no single feature stood out</source>
        <translation>aucune caractéristique ne s&apos;est démarquée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: gate %2%, probability %3%
Driven by: %4</source>
        <translation>%1 : porte %2 %, probabilité %3 %
Déterminé par : %4</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The router&apos;s scores appear here.</source>
        <translation>Les scores du routeur s&apos;affichent ici.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>helios::panels::ExportPreview</name>
    <message>
        <location filename="../panels/tokens/export_preview.cpp" line="+30"/>
        <source>CSS</source>
        <translation>CSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SCSS</source>
        <translation>SCSS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TypeScript</source>
        <translation>TypeScript</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>helios::panels::FindReplaceBar</name>
    <message>
        <location filename="../panels/editor/find_replace_bar.cpp" line="+24"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole words</source>
        <translation>Mots entiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace All</source>
        <translation>Tout remplacer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+49"/>
        <source>No matches</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n occurrence remplacée</numerusform>
            <numerusform>%n occurrences remplacées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helios::panels::GitStatusStyle</name>
    <message>
        <location filename="../panels/editor/git_status_style.cpp" line="+51"/>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untracked</source>
        <translation>Non suivi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renamed from %1</source>
        <translation>Renommé depuis %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type changed</source>
        <translation>Type modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicted</source>
        <translation>En conflit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (staged)</source>
        <translation>%1 (indexé)</translation>
    </message>
</context>
<context>
    <name>helios::panels::HomePanel</name>
    <message>
        <location filename="../panels/home/home_panel.cpp" line="+60"/>
        <source>&lt;b&gt;Projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Projets&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recent projects yet: create one or open a folder.</source>
        <translation>Aucun projet récent : créez-en un ou ouvrez un dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New project…</source>
        <translation>Nouveau projet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;b&gt;Back ends&lt;/b&gt;</source>
        <translation>&lt;b&gt;Back-ends&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Recent events&lt;/b&gt;</source>
        <translation>&lt;b&gt;Événements récents&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The project folder %1 no longer exists.</source>
        <translation>Le dossier de projet %1 n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
</context>
<context>
    <name>helios::panels::PreviewPanel</name>
    <message>
        <location filename="../panels/preview/preview_panel.cpp" line="+52"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A phone&apos;s viewport, 375 × 667</source>
        <translation>La zone d&apos;affichage d&apos;un téléphone, 375 × 667</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A tablet&apos;s viewport, 768 × 1024</source>
        <translation>La zone d&apos;affichage d&apos;une tablette, 768 × 1024</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The page fills the panel</source>
        <translation>La page occupe tout le panneau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the page again (edits show without it while the dev server runs)</source>
        <translation>Recharger la page (les modifications s&apos;affichent sans cela tant que le serveur de développement tourne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the page in the system&apos;s web browser</source>
        <translation>Ouvrir la page dans le navigateur web du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No dev server running</source>
        <translation>Aucun serveur de développement actif</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No page to preview: the dev server is not running.</source>
        <translation>Aucune page à prévisualiser : le serveur de développement ne tourne pas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Could not open %1 in a web browser</source>
        <translation>Impossible d&apos;ouvrir %1 dans un navigateur web</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The page at %1 did not load; is the dev server running?</source>
        <translation>La page %1 ne s&apos;est pas chargée ; le serveur de développement tourne-t-il ?</translation>
    </message>
</context>
<context>
    <name>helios::panels::RecentProjectsModel</name>
    <message>
        <location filename="../panels/home/recent_projects_model.cpp" line="+51"/>
        <source>%1 (missing)</source>
        <translation>%1 (manquant)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 no longer exists</source>
        <translation>%1 n&apos;existe plus</translation>
    </message>
</context>
<context>
    <name>helios::panels::ReleaseTableModel</name>
    <message>
        <location filename="../panels/deploy/release_table_model.cpp" line="+47"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No commits since the previous release</source>
        <translation>Aucun commit depuis la version précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes:
%1</source>
        <translation>Modifications :
%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>helios::panels::SourceEditor</name>
    <message>
        <location filename="../panels/editor/source_editor.cpp" line="+52"/>
        <source>%1 is not a file.</source>
        <translation>%1 n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too large to edit (%2; the limit is %3).</source>
        <translation>%1 est trop volumineux pour être modifié (%2 ; la limite est %3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is too large to edit.</source>
        <translation>%1 est trop volumineux pour être modifié.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not UTF-8 text and cannot be edited here.</source>
        <translation>%1 n&apos;est pas du texte UTF-8 et ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 was not saved: %2</source>
        <translation>%1 n&apos;a pas été enregistré : %2</translation>
    </message>
</context>
<context>
    <name>helios::panels::SparkPanel</name>
    <message>
        <location filename="../panels/spark/spark_panel.cpp" line="+34"/>
        <source>Loading the tokens…</source>
        <translation>Chargement des jetons…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choosing an expert…</source>
        <translation>Choix d&apos;un expert…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the component…</source>
        <translation>Écriture du composant…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validating…</source>
        <translation>Validation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the version…</source>
        <translation>Enregistrement de la version…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+275"/>
        <source>Writing into the project…</source>
        <translation>Écriture dans le projet…</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Building the project…</source>
        <translation>Build du projet…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Describe a component, e.g. “a card with a title, an image and two buttons”. Ctrl+Enter generates.</source>
        <translation>Décrivez un composant, par exemple « une carte avec un titre, une image et deux boutons ». Ctrl+Entrée le génère.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Earlier prompts</source>
        <translation>Demandes précédentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let the router choose the expert, or force one</source>
        <translation>Laisser le routeur choisir l&apos;expert, ou en imposer un</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the component into the project and build it</source>
        <translation>Écrire le composant dans le projet et le compiler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History:</source>
        <translation>Historique :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expert:</source>
        <translation>Expert :</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m steps</source>
        <translation>%v étapes sur %m</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No project: the built-in tokens are used and Accept is off.</source>
        <translation>Aucun projet : les jetons intégrés sont utilisés et Accepter est désactivé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project: %1</source>
        <translation>Projet : %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Describe the component to generate first.</source>
        <translation>Décrivez d&apos;abord le composant à générer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 by the %2 expert passed validation (%3).</source>
        <translation>%1, par l&apos;expert %2, a passé la validation (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assumed: %1</source>
        <translation>Hypothèses : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed validation and cannot be accepted; see the findings below.</source>
        <translation>%1 n&apos;a pas passé la validation et ne peut pas être accepté ; voir les constats ci-dessous.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The generation was cancelled.</source>
        <translation>La génération a été annulée.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing was generated: %1</source>
        <translation>Rien n&apos;a été généré : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 was written into %2 (%n file(s)) and the build succeeded: %3</source>
        <translation>
            <numerusform>%1 a été écrit dans %2 (%n fichier) et le build a réussi : %3</numerusform>
            <numerusform>%1 a été écrit dans %2 (%n fichiers) et le build a réussi : %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 was written into %2 (%n file(s)), but the build failed: %3</source>
        <translation>
            <numerusform>%1 a été écrit dans %2 (%n fichier), mais le build a échoué : %3</numerusform>
            <numerusform>%1 a été écrit dans %2 (%n fichiers), mais le build a échoué : %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The component was not written: %1</source>
        <translation>Le composant n&apos;a pas été écrit : %1</translation>
    </message>
</context>
<context>
    <name>helios::panels::TokenTreeModel</name>
    <message>
        <location filename="../panels/tokens/token_tree_model.cpp" line="+195"/>
        <source>(unresolved)</source>
        <translation>(non résolu)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alias chain: %1</source>
        <translation>Chaîne d&apos;alias : %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set %1 to %2</source>
        <translation>Définir %1 à %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
</context>
<context>
    <name>helios::panels::TokensPanel</name>
    <message>
        <location filename="../panels/tokens/tokens_panel.cpp" line="+52"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add token…</source>
        <translation>Ajouter un jeton…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter tokens by path</source>
        <translation>Filtrer les jetons par chemin</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Remove token</source>
        <translation>Supprimer le jeton</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Foreground token</source>
        <translation>Jeton de premier plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background token</source>
        <translation>Jeton d&apos;arrière-plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add pair</source>
        <translation>Ajouter une paire</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the panel opens token configs with &quot;source&quot; files (and &quot;themes&quot; layers), not resolver documents</source>
        <translation>le panneau ouvre les configurations de jetons avec des fichiers &quot;source&quot; (et des couches &quot;themes&quot;), pas les documents de résolution</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open token files</source>
        <translation>Ouvrir des fichiers de jetons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design token files (*.json);;All files (*)</source>
        <translation>Fichiers de jetons de design (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved the files; not published: &quot;%1&quot; is not a token set name</source>
        <translation>Fichiers enregistrés ; non publiés : &quot;%1&quot; n&apos;est pas un nom d&apos;ensemble de jetons</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved the files; publishing %1 failed: %2</source>
        <translation>Fichiers enregistrés ; la publication de %1 a échoué : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved and published %1 version %2</source>
        <translation>%1 version %2 enregistré et publié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved; %1 version %2 already holds these files</source>
        <translation>Enregistré ; %1 version %2 contient déjà ces fichiers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add token</source>
        <translation>Ajouter un jeton</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#0057d9, 16px, {color.brand} or JSON</source>
        <translation>#0057d9, 16px, {color.brand} ou JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group:</source>
        <translation>Groupe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Valeur :</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>helios::panels::ValidationView</name>
    <message>
        <location filename="../panels/spark/validation_view.cpp" line="+16"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 error</source>
        <translation>erreur %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 warning</source>
        <translation>avertissement %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Appearance</name>
    <message>
        <location filename="../app/workbench/settings/appearance.cpp" line="+103"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>helios::workbench::BackendsPage</name>
    <message>
        <location filename="../app/workbench/settings/backends_page.cpp" line="+30"/>
        <source>No answer within %1 ms.</source>
        <translation>Aucune réponse en %1 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store (PostgreSQL)</source>
        <translation>Stockage (PostgreSQL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postgresql://user@host:5432/helios; empty: embedded SQLite</source>
        <translation>postgresql://user@host:5432/helios ; vide : SQLite intégré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache (Redis)</source>
        <translation>Cache (Redis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>redis://host:6379/0; empty: embedded in-memory cache</source>
        <translation>redis://host:6379/0 ; vide : cache intégré en mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bus (NATS)</source>
        <translation>Bus (NATS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nats://host:4222; empty: embedded in-process bus</source>
        <translation>nats://host:4222 ; vide : bus intégré au processus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artifacts (OCI registry)</source>
        <translation>Artefacts (registre OCI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://registry.example.com; empty: image layouts in the data directory</source>
        <translation>https://registry.example.com ; vide : dispositions d&apos;images dans le dossier de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back-end changes apply the next time Helios Workbench starts.</source>
        <translation>Les modifications des back-ends s&apos;appliquent au prochain démarrage de Helios Workbench.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set by the environment variable %1, which takes precedence over the value saved here.</source>
        <translation>Défini par la variable d&apos;environnement %1, qui a priorité sur la valeur enregistrée ici.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to this back end once and measure its answer</source>
        <translation>Se connecter une fois à ce back-end et mesurer sa réponse</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Not a valid URL: %1</source>
        <translation>URL non valide : %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Embedded: nothing to connect to.</source>
        <translation>Intégré : aucune connexion nécessaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reachable in %1 ms.</source>
        <translation>Accessible en %1 ms.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not reachable: %1</source>
        <translation>Inaccessible : %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Language</name>
    <message>
        <location filename="../app/workbench/settings/language.cpp" line="+48"/>
        <source>System language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::LocationPage</name>
    <message>
        <location filename="../app/workbench/projects/location_page.cpp" line="+42"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the project is created. Finish writes it and records it.</source>
        <translation>Où le projet est créé. Terminer l&apos;écrit et l&apos;enregistre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install dependencies (npm install)</source>
        <translation>Installer les dépendances (npm install)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parent folder:</source>
        <translation>Dossier parent :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project folder:</source>
        <translation>Dossier du projet :</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The project could not be created: %1</source>
        <translation>Le projet n&apos;a pas pu être créé : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created %1</source>
        <translation>%1 créé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose the folder the project goes in.</source>
        <translation>Choisissez le dossier où placer le projet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name the project&apos;s folder.</source>
        <translation>Nommez le dossier du projet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project folder is a name, not a path: %1</source>
        <translation>Le dossier du projet est un nom, pas un chemin : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existe et n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists and is not empty: choose another folder.</source>
        <translation>%1 existe et n&apos;est pas vide : choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parent Folder</source>
        <translation>Dossier parent</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Locator</name>
    <message>
        <location filename="../app/workbench/locator/locator.cpp" line="+48"/>
        <source>Find actions, files, tokens, components (&gt; actions, t tokens, c components, f files)</source>
        <translation>Trouver actions, fichiers, jetons, composants (&gt; actions, t jetons, c composants, f fichiers)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::LocatorModel</name>
    <message>
        <location filename="../app/workbench/locator/locator_model.cpp" line="+27"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
</context>
<context>
    <name>helios::workbench::MainWindow</name>
    <message>
        <location filename="../app/workbench/main_window.cpp" line="+39"/>
        <source>Helios Workbench</source>
        <translation>Helios Workbench</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data in %1</source>
        <translation>Données dans %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deployments are off: %1</source>
        <translation>Les déploiements sont désactivés : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deployments at %1</source>
        <translation>Déploiements sur %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployments at %1 (port %2 was not available: %3)</source>
        <translation>Déploiements sur %1 (le port %2 n&apos;était pas disponible : %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Builds will not deploy to dev by themselves: %1</source>
        <translation>Les builds ne seront pas déployés automatiquement en dev : %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a Helios project (it has no helios.json)</source>
        <translation>%1 n&apos;est pas un projet Helios (il n&apos;a pas de helios.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — Helios Workbench</source>
        <translation>%1 — Helios Workbench</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The project&apos;s tokens could not be opened: %1</source>
        <translation>Les jetons du projet n&apos;ont pas pu être ouverts : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The preview could not start: %1</source>
        <translation>L&apos;aperçu n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Restart</source>
        <translation>Redémarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new settings apply when Helios Workbench starts. Restart it now?</source>
        <translation>Les nouveaux réglages s’appliquent au démarrage de Helios Workbench. Le redémarrer maintenant ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart Now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files have unsaved changes. Save them before quitting?</source>
        <translation>Certains fichiers ont des modifications non enregistrées. Les enregistrer avant de quitter ?</translation>
    </message>
    <message>
        <location filename="../app/workbench/main_window_actions.cpp" line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent Projects</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save A&amp;ll</source>
        <translation>&amp;Tout enregistrer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Locate…</source>
        <translation>&amp;Localiser…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Build</source>
        <translation>&amp;Build</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Generate Component…</source>
        <translation>&amp;Générer un composant…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Helios Workbench</source>
        <translation>À &amp;propos de Helios Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Helios Workbench</source>
        <translation>À propos de Helios Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Helios Workbench %1&lt;/h3&gt;&lt;p&gt;Design tokens, components, builds and deployments in one place.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Helios Workbench %1&lt;/h3&gt;&lt;p&gt;Jetons de design, composants, builds et déploiements en un seul endroit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy</source>
        <translation>Déployer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No recent projects</source>
        <translation>Aucun projet récent</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ModeBar</name>
    <message>
        <location filename="../app/workbench/mode_bar.cpp" line="+12"/>
        <source>Modes</source>
        <translation>Modes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>helios::workbench::NewProjectWizard</name>
    <message>
        <location filename="../app/workbench/projects/new_project_wizard.cpp" line="+15"/>
        <source>New Project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ParametersPage</name>
    <message>
        <location filename="../app/workbench/projects/parameters_page.cpp" line="+33"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the template fills in. Fields marked * are required.</source>
        <translation>Ce que le modèle remplit. Les champs marqués * sont obligatoires.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is required</source>
        <translation>%1 est obligatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must match the pattern %2</source>
        <translation>%1 doit correspondre au motif %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The template refuses these values: %1</source>
        <translation>Le modèle refuse ces valeurs : %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::Projects</name>
    <message>
        <location filename="../app/workbench/projects/choose_project_directory.cpp" line="+17"/>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a project</source>
        <translation>Pas un projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a Helios project: it has no helios.json. Choose the folder that holds helios.json.</source>
        <translation>%1 n&apos;est pas un projet Helios : il n&apos;a pas de helios.json. Choisissez le dossier qui contient helios.json.</translation>
    </message>
</context>
<context>
    <name>helios::workbench::ScaffoldJob</name>
    <message>
        <location filename="../app/workbench/projects/scaffold_job.cpp" line="+15"/>
        <source>Writing the project&apos;s files</source>
        <translation>Écriture des fichiers du projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installing dependencies (npm install)</source>
        <translation>Installation des dépendances (npm install)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating the git repository and its first commit</source>
        <translation>Création du dépôt git et de son premier commit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running %1</source>
        <translation>Exécution de %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>helios::workbench::SettingsDialog</name>
    <message>
        <location filename="../app/workbench/settings/settings_dialog.cpp" line="+28"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Backends</source>
        <translation>&amp;Back-ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;AI</source>
        <translation>&amp;IA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ppearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved in %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>https://api.example.com/v1; empty: no AI expert</source>
        <translation>https://api.example.com/v1 ; vide : pas d&apos;expert IA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the model name the endpoint expects</source>
        <translation>le nom du modèle attendu par le point d&apos;accès</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the endpoint&apos;s API key</source>
        <translation>la clé d&apos;API du point d&apos;accès</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPARK asks an OpenAI-compatible endpoint as one of its experts when a URL is set.</source>
        <translation>SPARK interroge un point d&apos;accès compatible OpenAI comme l&apos;un de ses experts lorsqu&apos;une URL est définie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Endpoint &amp;URL:</source>
        <translation>&amp;URL du point d&apos;accès :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d&apos;API :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key is stored in the config file, readable by you only.</source>
        <translation>La clé est enregistrée dans le fichier de configuration, lisible par vous seul.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Helios Workbench starts.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de Helios Workbench.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not a valid URL: %1</source>
        <translation>URL non valide : %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The settings could not be saved: %1</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés : %1</translation>
    </message>
</context>
<context>
    <name>helios::workbench::TemplatePage</name>
    <message>
        <location filename="../app/workbench/projects/template_page.cpp" line="+35"/>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose what the new project starts from.</source>
        <translation>Choisissez la base du nouveau projet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another template: a folder with template.json, or a git URL</source>
        <translation>Un autre modèle : un dossier avec template.json, ou une URL git</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The template %1 could not be read: %2</source>
        <translation>Le modèle %1 n&apos;a pas pu être lu : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (from %2)</source>
        <translation>%1 (depuis %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="+34"/>
        <source>Helios Workbench: tokens, components, builds and deployments.</source>
        <translation>Helios Workbench : jetons, composants, builds et déploiements.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The project to open (default: the last one).</source>
        <translation>Le projet à ouvrir (par défaut : le dernier).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exit as soon as the main window is shown and painted, printing &apos;ready &lt;ms&gt;&apos; (for bench/startup).</source>
        <translation>Quitter dès que la fenêtre principale est affichée et dessinée, en affichant &apos;ready &lt;ms&gt;&apos; (pour bench/startup).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Helios Workbench</source>
        <translation>Helios Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The engine could not start:
%1</source>
        <translation>Le moteur n&apos;a pas pu démarrer :
%1</translation>
    </message>
</context>
</TS>
