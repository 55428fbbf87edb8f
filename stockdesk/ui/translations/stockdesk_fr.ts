<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>Admin</name>
        <message>
            <source>The code {code} is already used; choose it in the list to change it, or give another code.</source>
            <translation>Le code {code} est déjà utilisé ; choisissez-le dans la liste pour le modifier, ou indiquez un autre code.</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Rechercher :</translation>
        </message>
        <message>
            <source>Saved {what}.</source>
            <translation>Enregistré : {what}.</translation>
        </message>
        <message>
            <source>Nothing was saved: please check the fields marked in red.</source>
            <translation>Rien n'a été enregistré : veuillez vérifier les champs marqués en rouge.</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Products</source>
            <translation>Produits</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Établissements</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Niveaux de stock</translation>
        </message>
        <message>
            <source>Programs and calculation</source>
            <translation>Programmes et calcul</translation>
        </message>
        <message>
            <source>Users and roles</source>
            <translation>Utilisateurs et rôles</translation>
        </message>
        <message>
            <source>Backup and restore</source>
            <translation>Sauvegarde et restauration</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>The administrator</source>
            <translation>L'administrateur</translation>
        </message>
        <message>
            <source>The administrator creates the other users and restores backups. Everyone gets their own account later.</source>
            <translation>L'administrateur crée les autres utilisateurs et restaure les sauvegardes. Chacun aura ensuite son propre compte.</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Nom d'utilisateur :</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>Nom &amp;complet :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>Con&amp;firmer le mot de passe :</translation>
        </message>
        <message>
            <source>for example akone</source>
            <translation>par exemple akone</translation>
        </message>
        <message>
            <source>Write the password down and keep it in a safe place: nobody can read it back.</source>
            <translation>Notez le mot de passe et conservez-le en lieu sûr : personne ne pourra le récupérer.</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>Les deux mots de passe sont différents. Saisissez-les à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>BackupTab</name>
        <message>
            <source>Back up</source>
            <translation>Sauvegarder</translation>
        </message>
        <message>
            <source>A backup is a copy of every record in one file. Keep one on a USB stick or another computer: if this computer is stolen or its disk fails, the records can be brought back from it.</source>
            <translation>Une sauvegarde est une copie de toutes les données dans un seul fichier. Conservez-en une sur une clé USB ou sur un autre ordinateur : si cet ordinateur est volé ou si son disque tombe en panne, les données pourront être récupérées à partir de celle-ci.</translation>
        </message>
        <message>
            <source>&amp;Back up now…</source>
            <translation>&amp;Sauvegarder maintenant…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurer</translation>
        </message>
        <message>
            <source>Restoring replaces every record with those of a backup. The database as it is now is copied aside first, so a wrong restore can be undone. Everyone else must close StockDesk first.</source>
            <translation>La restauration remplace toutes les données par celles d'une sauvegarde. La base de données actuelle est d'abord copiée à part, afin de pouvoir annuler une restauration erronée. Tous les autres utilisateurs doivent d'abord fermer StockDesk.</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Restaurer…</translation>
        </message>
        <message>
            <source>&amp;Close StockDesk</source>
            <translation>&amp;Fermer StockDesk</translation>
        </message>
        <message>
            <source>This database is on a server: its administrator keeps its backups.</source>
            <translation>Cette base de données se trouve sur un serveur : c'est son administrateur qui en gère les sauvegardes.</translation>
        </message>
        <message>
            <source>StockDesk also copies the database every day when it starts, into {folder}</source>
            <translation>StockDesk copie aussi la base de données chaque jour au démarrage, dans {folder}</translation>
        </message>
        <message>
            <source>Back up the database to</source>
            <translation>Sauvegarder la base de données dans</translation>
        </message>
        <message>
            <source>StockDesk backups (*.sqlite3 *.db);;All files (*)</source>
            <translation>Sauvegardes StockDesk (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Sauvegarde en cours…</translation>
        </message>
        <message>
            <source>Backup written: {file} ({size} kB) at {time}.</source>
            <translation>Sauvegarde écrite : {file} ({size} ko) à {time}.</translation>
        </message>
        <message>
            <source>Restore the database from</source>
            <translation>Restaurer la base de données à partir de</translation>
        </message>
        <message>
            <source>Reading the backup…</source>
            <translation>Lecture de la sauvegarde…</translation>
        </message>
        <message>
            <source>{file} is a StockDesk backup with {facilities} facilities and {users} users.</source>
            <translation>{file} est une sauvegarde StockDesk contenant {facilities} établissements et {users} utilisateurs.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Restaurer cette sauvegarde ?</translation>
        </message>
        <message>
            <source>{what}

Every record in StockDesk now will be replaced by those of the backup (the current database is copied aside first). Restore it?</source>
            <translation>{what}

Toutes les données actuelles de StockDesk seront remplacées par celles de la sauvegarde (la base de données actuelle est d'abord copiée à part). La restaurer ?</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Rien n'a été restauré.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restauration en cours…</translation>
        </message>
        <message>
            <source>Restored from {file}. The database as it was before is kept in {safety}. StockDesk must now restart: close it and open it again.</source>
            <translation>Restauration effectuée à partir de {file}. La base de données telle qu'elle était avant est conservée dans {safety}. StockDesk doit maintenant redémarrer : fermez-le puis rouvrez-le.</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>Products</source>
            <translation>Produits</translation>
        </message>
        <message>
            <source>Which medicines and supplies will you manage?</source>
            <translation>Quels médicaments et consommables allez-vous gérer ?</translation>
        </message>
        <message>
            <source>Start with the &amp;starter catalogue of essential medicines (recommended)</source>
            <translation>Commencer avec le catalogue de &amp;base des médicaments essentiels (recommandé)</translation>
        </message>
        <message>
            <source>Start with an &amp;empty catalogue and import your own list later</source>
            <translation>Commencer avec un catalogue &amp;vide et importer votre propre liste plus tard</translation>
        </message>
        <message>
            <source>The starter catalogue holds a few hundred products of the WHO essential medicines list with programs, units and pack sizes. Products you do not stock stay out of the way, and the catalogue can be changed later. Press Finish to create everything.</source>
            <translation>Le catalogue de base contient quelques centaines de produits de la Liste modèle OMS des médicaments essentiels, avec leurs programmes, unités et conditionnements. Les produits que vous ne gérez pas ne vous gêneront pas, et le catalogue pourra être modifié plus tard. Appuyez sur Terminer pour tout créer.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Choose your password</source>
            <translation>Choisissez votre mot de passe</translation>
        </message>
        <message>
            <source>{user}, your password was set by an administrator, who therefore knows it. Choose a new password that only you know.</source>
            <translation>{user}, votre mot de passe a été défini par un administrateur, qui le connaît donc. Choisissez un nouveau mot de passe connu de vous seul.</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Nouveau mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Confirmez-le :</translation>
        </message>
        <message>
            <source>&amp;Save password</source>
            <translation>&amp;Enregistrer le mot de passe</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>Les deux mots de passe sont différents. Saisissez-les à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>ConsumptionChart</name>
        <message>
            <source>Consumption and stock chart</source>
            <translation>Graphique de consommation et de stock</translation>
        </message>
        <message>
            <source>Nothing to show.</source>
            <translation>Rien à afficher.</translation>
        </message>
        <message>
            <source>{months} months of consumption, {reported} reported; projected stock at the end: {stock}.</source>
            <translation>{months} mois de consommation, dont {reported} rapportés ; stock projeté à la fin : {stock}.</translation>
        </message>
        <message>
            <source>Consumption</source>
            <translation>Consommation</translation>
        </message>
        <message>
            <source>This month so far</source>
            <translation>Mois en cours, à ce jour</translation>
        </message>
        <message>
            <source>Forecast</source>
            <translation>Prévision</translation>
        </message>
        <message>
            <source>Likely range ({percent} % of months)</source>
            <translation>Fourchette probable ({percent} % des mois)</translation>
        </message>
        <message>
            <source>Projected usable stock</source>
            <translation>Stock utilisable projeté</translation>
        </message>
        <message>
            <source>No month of consumption to show.</source>
            <translation>Aucun mois de consommation à afficher.</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Aujourd'hui</translation>
        </message>
        <message>
            <source>Consumption not reported</source>
            <translation>Consommation non rapportée</translation>
        </message>
        <message>
            <source>Consumed so far: {quantity}</source>
            <translation>Consommé à ce jour : {quantity}</translation>
        </message>
        <message>
            <source>Consumed: {quantity}</source>
            <translation>Consommé : {quantity}</translation>
        </message>
        <message>
            <source>Days out of stock: {days}</source>
            <translation>Jours de rupture : {days}</translation>
        </message>
        <message>
            <source>Forecast: {point} (between {lower} and {upper})</source>
            <translation>Prévision : {point} (entre {lower} et {upper})</translation>
        </message>
        <message>
            <source>Projected stock at the end of the month: {quantity}</source>
            <translation>Stock projeté en fin de mois : {quantity}</translation>
        </message>
        <message>
            <source>Expiring unused: {quantity}</source>
            <translation>Périmé avant utilisation : {quantity}</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>Open the &amp;requisition</source>
            <translation>Ouvrir la &amp;réquisition</translation>
        </message>
        <message>
            <source>Requisition (R&amp;&amp;R)</source>
            <translation>Réquisition (R&amp;&amp;R)</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>En stock</translation>
        </message>
        <message>
            <source>Runs out</source>
            <translation>Rupture</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Commander</translation>
        </message>
        <message>
            <source>now, {days} days late</source>
            <translation>maintenant, {days} jours de retard</translation>
        </message>
        <message>
            <source>now</source>
            <translation>maintenant</translation>
        </message>
        <message>
            <source>Ordered today, it arrives {days} days after the stock runs out.</source>
            <translation>Commandée aujourd'hui, la livraison arriverait {days} jours après la rupture de stock.</translation>
        </message>
        <message>
            <source>Ordered today, it arrives just in time.</source>
            <translation>Commandée aujourd'hui, la livraison arriverait juste à temps.</translation>
        </message>
        <message>
            <source>Products that, at their usual consumption, run out before an order placed today could arrive. Press Enter on one to open its stock card.</source>
            <translation>Produits qui, à leur consommation habituelle, seront en rupture avant l'arrivée d'une commande passée aujourd'hui. Appuyez sur Entrée sur l'un d'eux pour ouvrir sa fiche de stock.</translation>
        </message>
        <message>
            <source>Will run out before the next delivery</source>
            <translation>En rupture avant la prochaine livraison</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Péremption</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantité</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>À risque</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used.</source>
            <translation>{quantity} arriveront à péremption avant d'être utilisés.</translation>
        </message>
        <message>
            <source>Will be used before it expires, at the usual consumption.</source>
            <translation>Sera utilisé avant péremption, à la consommation habituelle.</translation>
        </message>
        <message>
            <source>Expiring within {months} months</source>
            <translation>Péremption dans les {months} mois</translation>
        </message>
        <message>
            <source>Lots that expire within {months} months, earliest first. At risk: what will expire before it is used at the usual consumption; offer it to another facility.</source>
            <translation>Lots arrivant à péremption dans les {months} mois, les plus proches en premier. À risque : ce qui arrivera à péremption avant d'être utilisé à la consommation habituelle ; proposez-le à un autre établissement.</translation>
        </message>
        <message>
            <source>Loading the dashboard…</source>
            <translation>Chargement du tableau de bord…</translation>
        </message>
        <message>
            <source>Loading the dashboard</source>
            <translation>Chargement du tableau de bord</translation>
        </message>
        <message>
            <source>{facility} on {day}</source>
            <translation>{facility}, le {day}</translation>
        </message>
        <message>
            <source>One product has no consumption recorded yet, so its status is unknown: show it</source>
            <translation>Un produit n'a encore aucune consommation enregistrée, son statut est donc inconnu : l'afficher</translation>
        </message>
        <message>
            <source>{count} products have no consumption recorded yet, so their status is unknown: show them</source>
            <translation>{count} produits n'ont encore aucune consommation enregistrée, leur statut est donc inconnu : les afficher</translation>
        </message>
        <message>
            <source>None: every product with stock lasts until an order placed today arrives.</source>
            <translation>Aucun : chaque produit en stock tiendra jusqu'à l'arrivée d'une commande passée aujourd'hui.</translation>
        </message>
        <message>
            <source>No lot expires within {months} months.</source>
            <translation>Aucun lot n'arrive à péremption dans les {months} mois.</translation>
        </message>
        <message>
            <source>{program}: {status}</source>
            <translation>{program} : {status}</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} has been sent ({states}). The next one, for this month, is due by the {day} of next month.</source>
            <translation>Le R&amp;R de {month} a été envoyé ({states}). Le prochain, pour ce mois-ci, est à remettre au plus tard le {day} du mois prochain.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is being prepared ({states}). It is due by {due}.</source>
            <translation>Le R&amp;R de {month} est en préparation ({states}). Il est à remettre au plus tard le {due}.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and is not sent yet ({states}).</source>
            <translation>Le R&amp;R de {month} était à remettre au plus tard le {due} et n'est pas encore envoyé ({states}).</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is due by {due}. It has not been started.</source>
            <translation>Le R&amp;R de {month} est à remettre au plus tard le {due}. Il n'a pas encore été commencé.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and has not been started.</source>
            <translation>Le R&amp;R de {month} était à remettre au plus tard le {due} et n'a pas été commencé.</translation>
        </message>
        <message>
            <source>Show the products whose status is {status}</source>
            <translation>Afficher les produits dont le statut est : {status}</translation>
        </message>
        <message>
            <source>{status}: {count} products</source>
            <translation>{status} : {count} produits</translation>
        </message>
    </context>
    <context>
        <name>DemoPage</name>
        <message>
            <source>The demo district</source>
            <translation>Le district de démonstration</translation>
        </message>
        <message>
            <source>A made-up district to learn and try StockDesk.</source>
            <translation>Un district fictif pour apprendre et essayer StockDesk.</translation>
        </message>
        <message>
            <source>StockDesk will create a district store, its health centres and hospitals, products and several years of daily stock records. This takes a minute or two on an older computer.

Then sign in as one of the demo users: {users}. Their password is: demo.

Do not use the demo for real stock: set up a new database for that.</source>
            <translation>StockDesk va créer un dépôt de district, ses centres de santé et hôpitaux, des produits et plusieurs années de données de stock quotidiennes. Cela prend une à deux minutes sur un ordinateur ancien.

Connectez-vous ensuite avec l'un des utilisateurs de démonstration : {users}. Leur mot de passe est : demo.

N'utilisez pas la démonstration pour un stock réel : créez pour cela une nouvelle base de données.</translation>
        </message>
    </context>
    <context>
        <name>DistrictPage</name>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;District :</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Période :</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Tous les programmes</translation>
        </message>
        <message>
            <source>P&amp;rogram:</source>
            <translation>Pro&amp;gramme :</translation>
        </message>
        <message>
            <source>&amp;Import folder…</source>
            <translation>&amp;Importer un dossier…</translation>
        </message>
        <message>
            <source>&amp;Consolidate</source>
            <translation>&amp;Consolider</translation>
        </message>
        <message>
            <source>&amp;Open requisition</source>
            <translation>&amp;Ouvrir la réquisition</translation>
        </message>
        <message>
            <source>Reporting</source>
            <translation>Transmission des rapports</translation>
        </message>
        <message>
            <source>Import a folder of R&amp;R workbooks sent by the facilities: each file is checked and imported whole, or refused with the reasons.</source>
            <translation>Importez un dossier de classeurs R&amp;R envoyés par les établissements : chaque fichier est vérifié puis importé en entier, ou refusé avec les motifs du refus.</translation>
        </message>
        <message>
            <source>Problems of the selected file</source>
            <translation>Problèmes du fichier sélectionné</translation>
        </message>
        <message>
            <source>Open the imported &amp;requisition</source>
            <translation>Ouvrir la réquisition i&amp;mportée</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importation</translation>
        </message>
        <message>
            <source>Consolidate sums the approved quantities of the period's requisitions into the district's order to the warehouse.</source>
            <translation>« Consolider » additionne les quantités approuvées des réquisitions de la période dans la commande du district à l'entrepôt.</translation>
        </message>
        <message>
            <source>&amp;Export warehouse order…</source>
            <translation>&amp;Exporter la commande à l'entrepôt…</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Commande</translation>
        </message>
        <message>
            <source>&amp;Back to the district</source>
            <translation>&amp;Retour au district</translation>
        </message>
        <message>
            <source>{missing} of {count} facilities have not reported for {period}: {names}.</source>
            <translation>{missing} établissements sur {count} n'ont pas transmis leur rapport pour {period} : {names}.</translation>
        </message>
        <message>
            <source>All {count} facilities have reported for {period}.</source>
            <translation>Les {count} établissements ont tous transmis leur rapport pour {period}.</translation>
        </message>
        <message>
            <source>Folder of R&amp;R workbooks to import</source>
            <translation>Dossier de classeurs R&amp;R à importer</translation>
        </message>
        <message>
            <source>The folder holds no Excel workbook (.xlsx).</source>
            <translation>Le dossier ne contient aucun classeur Excel (.xlsx).</translation>
        </message>
        <message>
            <source>Importing {count} files…</source>
            <translation>Importation de {count} fichiers…</translation>
        </message>
        <message>
            <source>The import was cancelled.</source>
            <translation>L'importation a été annulée.</translation>
        </message>
        <message>
            <source>Importing requisitions</source>
            <translation>Importation des réquisitions</translation>
        </message>
        <message>
            <source>{imported} imported, {replaced} replaced, {skipped} already there, {refused} refused.</source>
            <translation>{imported} importé(s), {replaced} remplacé(s), {skipped} déjà présent(s), {refused} refusé(s).</translation>
        </message>
        <message>
            <source>{done} Cancelled: {left} of {count} files were not looked at and nothing of them was imported.</source>
            <translation>{done} Importation annulée : {left} fichiers sur {count} n'ont pas été examinés et rien n'en a été importé.</translation>
        </message>
        <message>
            <source>Problems of {file}: {count}</source>
            <translation>Problèmes de {file} : {count}</translation>
        </message>
        <message>
            <source>Consolidating the district order</source>
            <translation>Consolidation de la commande du district</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs; no product has a price to cost the order.</source>
            <translation>{ordering} établissements sur {count} commandent, {products} produits, {packs} conditionnements ; aucun produit n'a de prix permettant de chiffrer la commande.</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs, total cost {cost}.</source>
            <translation>{ordering} établissements sur {count} commandent, {products} produits, {packs} conditionnements, coût total {cost}.</translation>
        </message>
        <message>
            <source>Nothing approved to order for {period} yet: approve the facilities' requisitions first.</source>
            <translation>Aucune quantité approuvée à commander pour {period} pour le moment : approuvez d'abord les réquisitions des établissements.</translation>
        </message>
        <message>
            <source>Not reported: {names}</source>
            <translation>Rapport non transmis : {names}</translation>
        </message>
        <message>
            <source>Not yet approved: {names}</source>
            <translation>Pas encore approuvé : {names}</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Order file for the warehouse, CSV (*.csv)</source>
            <translation>Fichier de commande pour l'entrepôt, CSV (*.csv)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Document PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export the warehouse order</source>
            <translation>Exporter la commande à l'entrepôt</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Enregistré dans {path}</translation>
        </message>
        <message>
            <source>Writing the warehouse order</source>
            <translation>Écriture de la commande à l'entrepôt</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Déjà importé</translation>
        </message>
        <message>
            <source>Approved (units)</source>
            <translation>Approuvé (unités)</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Colonne</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Coût</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Urgence</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Établissements</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>D'un fichier</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importé</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <source>Made here</source>
            <translation>Créée ici</translation>
        </message>
        <message>
            <source>Not reported</source>
            <translation>Non transmis</translation>
        </message>
        <message>
            <source>Not sent (draft)</source>
            <translation>Non envoyé (brouillon)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Nb condit.</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refusé</translation>
        </message>
        <message>
            <source>Replaced the earlier version</source>
            <translation>A remplacé la version antérieure</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Feuille</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>any program</source>
            <translation>tout programme</translation>
        </message>
    </context>
    <context>
        <name>EntryChecks</name>
        <message>
            <source>Choose a product.</source>
            <translation>Choisissez un produit.</translation>
        </message>
        <message>
            <source>Choose why the count differs from the book.</source>
            <translation>Choisissez le motif de l'écart avec le stock théorique.</translation>
        </message>
        <message>
            <source>Line {line}, {column}: {problem}</source>
            <translation>Ligne {line}, {column} : {problem}</translation>
        </message>
        <message>
            <source>Lot {lot} has expired: it cannot be issued.</source>
            <translation>Le lot {lot} est périmé : il ne peut pas être distribué.</translation>
        </message>
        <message>
            <source>Lot {lot} has no stock here.</source>
            <translation>Le lot {lot} n'a pas de stock ici.</translation>
        </message>
        <message>
            <source>No product matches “{text}”.</source>
            <translation>Aucun produit ne correspond à « {text} ».</translation>
        </message>
        <message>
            <source>Not a date: type it as YYYY-MM-DD or MM/YYYY.</source>
            <translation>Ce n'est pas une date : saisissez-la sous la forme AAAA-MM-JJ ou MM/AAAA.</translation>
        </message>
        <message>
            <source>Only {available} can be taken: the balance may not go below zero.</source>
            <translation>Vous ne pouvez sortir que {available} : le solde ne peut pas descendre sous zéro.</translation>
        </message>
        <message>
            <source>This lot expired on {date}.</source>
            <translation>Ce lot est périmé depuis le {date}.</translation>
        </message>
        <message>
            <source>Type a whole number above zero.</source>
            <translation>Saisissez un nombre entier supérieur à zéro.</translation>
        </message>
        <message>
            <source>Type at least one line.</source>
            <translation>Saisissez au moins une ligne.</translation>
        </message>
        <message>
            <source>Type the number counted (0 or more).</source>
            <translation>Saisissez la quantité inventoriée (0 ou plus).</translation>
        </message>
        <message>
            <source>Type the number counted.</source>
            <translation>Saisissez la quantité inventoriée.</translation>
        </message>
        <message>
            <source>Type the quantity.</source>
            <translation>Saisissez la quantité.</translation>
        </message>
        <message>
            <source>{count} products match “{text}”: choose one from the list.</source>
            <translation>{count} produits correspondent à « {text} » : choisissez-en un dans la liste.</translation>
        </message>
    </context>
    <context>
        <name>EntryGrid</name>
        <message>
            <source>Code, name or scan</source>
            <translation>Code, nom ou scan</translation>
        </message>
        <message>
            <source>YYYY-MM-DD or MM/YYYY</source>
            <translation>AAAA-MM-JJ ou MM/AAAA</translation>
        </message>
    </context>
    <context>
        <name>EntryLines</name>
        <message>
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <source>Book balance</source>
            <translation>Stock théorique</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Inventorié</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Péremption</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>No product in the catalogue has the barcode {gtin}; type the product code, or ask the district to add the barcode.</source>
            <translation>Aucun produit du catalogue n'a le code-barres {gtin} ; saisissez le code produit, ou demandez au district d'ajouter le code-barres.</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantité</translation>
        </message>
        <message>
            <source>Suggested lot (FEFO)</source>
            <translation>Lot proposé (PPPS)</translation>
        </message>
        <message>
            <source>This scan could not be read; scan it again or type the product code.</source>
            <translation>Ce scan n'a pas pu être lu ; scannez à nouveau ou saisissez le code produit.</translation>
        </message>
        <message>
            <source>Variance</source>
            <translation>Écart</translation>
        </message>
        <message>
            <source>Variance reason</source>
            <translation>Motif de l'écart</translation>
        </message>
        <message>
            <source>no lot</source>
            <translation>sans lot</translation>
        </message>
        <message>
            <source>no usable stock</source>
            <translation>aucun stock utilisable</translation>
        </message>
        <message>
            <source>{lot} (expires {expiry}): {balance}</source>
            <translation>{lot} (péremption {expiry}) : {balance}</translation>
        </message>
        <message>
            <source>{lot}: {balance}, expires {expiry}</source>
            <translation>{lot} : {balance}, péremption {expiry}</translation>
        </message>
    </context>
    <context>
        <name>EntryPage</name>
        <message>
            <source>Entry</source>
            <translation>Saisie</translation>
        </message>
        <message>
            <source>&amp;Receive</source>
            <translation>&amp;Réception</translation>
        </message>
        <message>
            <source>&amp;Issue</source>
            <translation>&amp;Sortie</translation>
        </message>
        <message>
            <source>Transfer &amp;out</source>
            <translation>Transfert s&amp;ortant</translation>
        </message>
        <message>
            <source>Transfer i&amp;n</source>
            <translation>Transfert e&amp;ntrant</translation>
        </message>
        <message>
            <source>Physical &amp;count</source>
            <translation>Inventaire ph&amp;ysique</translation>
        </message>
        <message>
            <source>Re&amp;verse a movement</source>
            <translation>Annuler un mou&amp;vement</translation>
        </message>
        <message>
            <source>Tab or Enter: next cell · Enter on the last cell: new line · Delete: remove line · Esc: undo the cell · Ctrl+S: post</source>
            <translation>Tab ou Entrée : cellule suivante · Entrée sur la dernière cellule : nouvelle ligne · Suppr : supprimer la ligne · Échap : annuler la cellule · Ctrl+S : enregistrer</translation>
        </message>
        <message>
            <source>&amp;Post (Ctrl+S)</source>
            <translation>&amp;Enregistrer (Ctrl+S)</translation>
        </message>
        <message>
            <source>Lo&amp;ss</source>
            <translation>&amp;Perte</translation>
        </message>
        <message>
            <source>Ad&amp;justment</source>
            <translation>A&amp;justement</translation>
        </message>
        <message>
            <source>Print coun&amp;t sheet…</source>
            <translation>Imprimer la fic&amp;he d'inventaire…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date :</translation>
        </message>
        <message>
            <source>R&amp;eference:</source>
            <translation>Référen&amp;ce :</translation>
        </message>
        <message>
            <source>Re&amp;ason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Progra&amp;m:</source>
            <translation>Pro&amp;gramme :</translation>
        </message>
        <message>
            <source>Why is this movement wrong?</source>
            <translation>En quoi ce mouvement est-il erroné ?</translation>
        </message>
        <message>
            <source>&amp;Why is it reversed:</source>
            <translation>Pour&amp;quoi est-il annulé :</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Tous les programmes</translation>
        </message>
        <message>
            <source>S&amp;upplier:</source>
            <translation>Fo&amp;urnisseur :</translation>
        </message>
        <message>
            <source>Issued &amp;to:</source>
            <translation>D&amp;istribué à :</translation>
        </message>
        <message>
            <source>&amp;To (facility or health worker):</source>
            <translation>Des&amp;tinataire (établissement ou agent de santé) :</translation>
        </message>
        <message>
            <source>Fro&amp;m (facility or health worker):</source>
            <translation>E&amp;xpéditeur (établissement ou agent de santé) :</translation>
        </message>
        <message>
            <source>Delivery note num&amp;ber:</source>
            <translation>N° du &amp;bon de livraison :</translation>
        </message>
        <message>
            <source>Choose a reason</source>
            <translation>Choisissez un motif</translation>
        </message>
        <message>
            <source>Choose the movement with the arrow keys, say why, then Ctrl+S posts its exact opposite.</source>
            <translation>Choisissez le mouvement avec les touches fléchées, indiquez pourquoi, puis Ctrl+S enregistre son exact inverse.</translation>
        </message>
        <message>
            <source>Type what you counted in Counted; a difference from the book needs a reason · Ctrl+S: post the count</source>
            <translation>Saisissez ce que vous avez compté dans Inventorié ; un écart avec le stock théorique nécessite un motif · Ctrl+S : enregistrer l'inventaire</translation>
        </message>
        <message>
            <source>Loading the count sheet…</source>
            <translation>Chargement de la fiche d'inventaire…</translation>
        </message>
        <message>
            <source>Save the count sheet</source>
            <translation>Enregistrer la fiche d'inventaire</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The count sheet was saved to {file}.</source>
            <translation>La fiche d'inventaire a été enregistrée dans {file}.</translation>
        </message>
        <message>
            <source>Writing the count sheet…</source>
            <translation>Écriture de la fiche d'inventaire…</translation>
        </message>
        <message>
            <source>Loading movements…</source>
            <translation>Chargement des mouvements…</translation>
        </message>
        <message>
            <source>Choose a reason.</source>
            <translation>Choisissez un motif.</translation>
        </message>
        <message>
            <source>Choose the other facility, or type the health worker's name.</source>
            <translation>Choisissez l'autre établissement, ou saisissez le nom de l'agent de santé.</translation>
        </message>
        <message>
            <source>Type at least one counted quantity.</source>
            <translation>Saisissez au moins une quantité inventoriée.</translation>
        </message>
        <message>
            <source>Choose the movement to reverse.</source>
            <translation>Choisissez le mouvement à annuler.</translation>
        </message>
        <message>
            <source>Say why this movement is reversed.</source>
            <translation>Indiquez pourquoi ce mouvement est annulé.</translation>
        </message>
        <message>
            <source>Posting…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <source>{kind} posted as movement {id}: {lines} lines.</source>
            <translation>{kind} : mouvement {id} enregistré, {lines} lignes.</translation>
        </message>
        <message>
            <source>The difference from the book was posted as adjustment {ids}.</source>
            <translation>L'écart avec le stock théorique a été enregistré comme ajustement {ids}.</translation>
        </message>
    </context>
    <context>
        <name>EntryReverse</name>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>N°</translation>
        </message>
        <message>
            <source>Other party</source>
            <translation>Tiers</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>A count is corrected by a new physical count.</source>
            <translation>Un inventaire se corrige par un nouvel inventaire physique.</translation>
        </message>
        <message>
            <source>A physical count cannot be reversed: what was counted is corrected by posting a new physical count.</source>
            <translation>Un inventaire physique ne peut pas être annulé : ce qui a été compté se corrige en enregistrant un nouvel inventaire physique.</translation>
        </message>
        <message>
            <source>Already reversed by movement {id}.</source>
            <translation>Déjà annulé par le mouvement {id}.</translation>
        </message>
        <message>
            <source>Can it be reversed?</source>
            <translation>Annulable ?</translation>
        </message>
        <message>
            <source>Choose a date on or after {date}.</source>
            <translation>Choisissez une date à partir du {date}.</translation>
        </message>
        <message>
            <source>Counted on {date}: choose a later date.</source>
            <translation>Inventorié le {date} : choisissez une date ultérieure.</translation>
        </message>
        <message>
            <source>Counted on {date}: correct it with a new physical count.</source>
            <translation>Inventorié le {date} : corrigez par un nouvel inventaire physique.</translation>
        </message>
        <message>
            <source>It cannot be reversed.</source>
            <translation>Il ne peut pas être annulé.</translation>
        </message>
        <message>
            <source>Movement {id} is dated {date}: its reversal cannot be dated before it. Choose a date on or after {date}.</source>
            <translation>Le mouvement {id} est daté du {date} : son annulation ne peut pas être datée avant. Choisissez une date à partir du {date}.</translation>
        </message>
        <message>
            <source>Movement {id} reverses movement {original}; to undo it, post the movement again.</source>
            <translation>Le mouvement {id} annule le mouvement {original} ; pour revenir en arrière, enregistrez de nouveau ce mouvement.</translation>
        </message>
        <message>
            <source>Movement {id} was already reversed by movement {by}; it cannot be reversed twice.</source>
            <translation>Le mouvement {id} a déjà été annulé par le mouvement {by} ; il ne peut pas être annulé deux fois.</translation>
        </message>
        <message>
            <source>This reverses movement {id}.</source>
            <translation>Ceci annule le mouvement {id}.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count, so this movement can no longer be reversed: post a new physical count to correct the stock.</source>
            <translation>{product} a été inventorié le {date}. Rien ne peut être enregistré à la date d'un inventaire physique ou avant, ce mouvement ne peut donc plus être annulé : enregistrez un nouvel inventaire physique pour corriger le stock.</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count: choose a date after {date} to reverse this movement.</source>
            <translation>{product} a été inventorié le {date}. Rien ne peut être enregistré à la date d'un inventaire physique ou avant : choisissez une date après le {date} pour annuler ce mouvement.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Another StockDesk window or program is saving to the database. Wait a moment and try again.</source>
            <translation>Une autre fenêtre de StockDesk ou un autre programme enregistre dans la base de données. Patientez un instant, puis réessayez.</translation>
        </message>
        <message>
            <source>The disk is full, so nothing was saved. Free some space (or move old backups to a USB stick) and try again.</source>
            <translation>Le disque est plein : rien n'a été enregistré. Libérez de l'espace (ou déplacez d'anciennes sauvegardes sur une clé USB), puis réessayez.</translation>
        </message>
        <message>
            <source>The database file cannot be written (it is read-only or on a locked drive). Nothing was saved. Ask whoever manages this computer.</source>
            <translation>Impossible d'écrire dans le fichier de base de données (il est en lecture seule ou sur un lecteur verrouillé). Rien n'a été enregistré. Adressez-vous à la personne qui gère cet ordinateur.</translation>
        </message>
        <message>
            <source>The database cannot be reached. Check that the drive or the district server is available, then try again.</source>
            <translation>La base de données est inaccessible. Vérifiez que le lecteur ou le serveur du district est disponible, puis réessayez.</translation>
        </message>
        <message>
            <source>The file was not found: {file}</source>
            <translation>Fichier introuvable : {file}</translation>
        </message>
        <message>
            <source>Please check</source>
            <translation>Veuillez vérifier</translation>
        </message>
        <message>
            <source>Could not finish</source>
            <translation>Impossible de terminer</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Un problème est survenu</translation>
        </message>
        <message>
            <source>StockDesk met an unexpected error. Nothing half-done was saved. Use Copy details to send the details to your support person.</source>
            <translation>StockDesk a rencontré une erreur inattendue. Aucune opération à moitié faite n'a été enregistrée. Utilisez « Copier les détails » pour transmettre les détails à la personne qui vous assiste.</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Copier les détails</translation>
        </message>
    </context>
    <context>
        <name>ExplainPanel</name>
        <message>
            <source>usable stock on hand</source>
            <translation>stock utilisable disponible</translation>
        </message>
        <message>
            <source>average monthly consumption</source>
            <translation>consommation moyenne mensuelle</translation>
        </message>
        <message>
            <source>months of stock</source>
            <translation>mois de stock</translation>
        </message>
        <message>
            <source>maximum months of stock</source>
            <translation>nombre maximal de mois de stock</translation>
        </message>
        <message>
            <source>minimum months of stock</source>
            <translation>nombre minimal de mois de stock</translation>
        </message>
        <message>
            <source>emergency order point, in months of stock</source>
            <translation>point de commande d'urgence, en mois de stock</translation>
        </message>
        <message>
            <source>maximum stock quantity</source>
            <translation>quantité de stock maximale</translation>
        </message>
        <message>
            <source>order quantity</source>
            <translation>quantité à commander</translation>
        </message>
        <message>
            <source>stock that will expire before it is used</source>
            <translation>stock qui arrivera à péremption avant d'être utilisé</translation>
        </message>
        <message>
            <source>order quantity without the expiry check</source>
            <translation>quantité à commander sans tenir compte des péremptions</translation>
        </message>
        <message>
            <source>approved and not yet received</source>
            <translation>approuvé et pas encore reçu</translation>
        </message>
        <message>
            <source>calculation profile</source>
            <translation>profil de calcul</translation>
        </message>
        <message>
            <source>months of the window</source>
            <translation>mois de la période de calcul</translation>
        </message>
        <message>
            <source>adjusted consumption of each month</source>
            <translation>consommation ajustée de chaque mois</translation>
        </message>
        <message>
            <source>consumption of the month</source>
            <translation>consommation du mois</translation>
        </message>
        <message>
            <source>days out of stock in the month</source>
            <translation>jours de rupture dans le mois</translation>
        </message>
        <message>
            <source>days the month counts for</source>
            <translation>nombre de jours pris en compte pour le mois</translation>
        </message>
        <message>
            <source>month</source>
            <translation>mois</translation>
        </message>
        <message>
            <source>stock counted at the end of</source>
            <translation>stock inventorié à la fin de</translation>
        </message>
        <message>
            <source>forecast of each month</source>
            <translation>prévision de chaque mois</translation>
        </message>
        <message>
            <source>deliveries expected before the stockout</source>
            <translation>livraisons attendues avant la rupture</translation>
        </message>
        <message>
            <source>the projection looks up to</source>
            <translation>la projection va jusqu'au</translation>
        </message>
        <message>
            <source>days the usable stock covers</source>
            <translation>jours couverts par le stock utilisable</translation>
        </message>
        <message>
            <source>projected stockout date</source>
            <translation>date de rupture prévue</translation>
        </message>
        <message>
            <source>today</source>
            <translation>aujourd'hui</translation>
        </message>
        <message>
            <source>lead time, in days</source>
            <translation>délai de livraison, en jours</translation>
        </message>
        <message>
            <source>the order is already late</source>
            <translation>la commande est déjà en retard</translation>
        </message>
        <message>
            <source>days late</source>
            <translation>jours de retard</translation>
        </message>
        <message>
            <source>next delivery</source>
            <translation>prochaine livraison</translation>
        </message>
        <message>
            <source>stock must last until</source>
            <translation>le stock doit tenir jusqu'au</translation>
        </message>
        <message>
            <source>used before expiry</source>
            <translation>utilisé avant péremption</translation>
        </message>
        <message>
            <source>at risk in this lot</source>
            <translation>à risque dans ce lot</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>rounded up to a whole unit</source>
            <translation>arrondi à l'unité supérieure</translation>
        </message>
        <message>
            <source>rounded half up to a whole unit</source>
            <translation>arrondi à l'unité la plus proche (0,5 vers le haut)</translation>
        </message>
        <message>
            <source>rounded half up to two decimals</source>
            <translation>arrondi à deux décimales (0,005 vers le haut)</translation>
        </message>
        <message>
            <source>not rounded</source>
            <translation>non arrondi</translation>
        </message>
        <message>
            <source>How each figure was computed</source>
            <translation>Comment chaque chiffre a été calculé</translation>
        </message>
        <message>
            <source>Open a product to see how its figures were computed.</source>
            <translation>Ouvrez un produit pour voir comment ses chiffres ont été calculés.</translation>
        </message>
        <message>
            <source>How the figures of {product} were computed</source>
            <translation>Comment les chiffres de {product} ont été calculés</translation>
        </message>
        <message>
            <source>Stock at the end of {day}.</source>
            <translation>Stock à la fin de la journée du {day}.</translation>
        </message>
        <message>
            <source>Calculation profile: {profile} ({rule}).</source>
            <translation>Profil de calcul : {profile} ({rule}).</translation>
        </message>
        <message>
            <source>No stock levels are set for this program at this type of facility: StockDesk's default levels are used.</source>
            <translation>Aucun niveau de stock n'est défini pour ce programme dans ce type d'établissement : les niveaux par défaut de StockDesk sont utilisés.</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Mois de stock</translation>
        </message>
        <message>
            <source>Shown to one decimal, rounded half up; more decimals only where one decimal would seem to cross a level.</source>
            <translation>Affiché avec une décimale, arrondi au plus proche (0,05 vers le haut) ; davantage de décimales seulement là où une seule décimale semblerait franchir un niveau.</translation>
        </message>
        <message>
            <source>Maximum stock quantity (H)</source>
            <translation>Quantité de stock maximale (H)</translation>
        </message>
        <message>
            <source>Rounded half up to a whole unit.</source>
            <translation>Arrondi à l'unité la plus proche (0,5 vers le haut).</translation>
        </message>
        <message>
            <source>Order quantity (I)</source>
            <translation>Quantité à commander (I)</translation>
        </message>
        <message>
            <source>Never below zero: with enough stock nothing is ordered.</source>
            <translation>Jamais inférieure à zéro : avec un stock suffisant, rien n'est commandé.</translation>
        </message>
        <message>
            <source>Order quantity, not counting stock that will expire</source>
            <translation>Quantité à commander, sans compter le stock qui arrivera à péremption</translation>
        </message>
        <message>
            <source>Levels: maximum {max} months, minimum {min} months, emergency order point {eop} months of stock.</source>
            <translation>Niveaux : maximum {max} mois, minimum {min} mois, point de commande d'urgence {eop} mois de stock.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Rupture prévue</translation>
        </message>
        <message>
            <source>Not within the projection</source>
            <translation>Hors de la période projetée</translation>
        </message>
        <message>
            <source>from the day after {start} up to {end}.</source>
            <translation>du lendemain du {start} jusqu'au {end}.</translation>
        </message>
        <message>
            <source>Whole days: the first day the demand cannot be met in full.</source>
            <translation>En jours entiers : le premier jour où la demande ne peut pas être entièrement satisfaite.</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Commander au plus tard le</translation>
        </message>
        <message>
            <source>Quantity at risk of expiry</source>
            <translation>Quantité à risque de péremption</translation>
        </message>
        <message>
            <source>lots expiring up to {day}, used first-expiry-first-out at the average monthly consumption.</source>
            <translation>lots arrivant à péremption jusqu'au {day}, utilisés selon la règle « premier périmé, premier sorti » à la consommation moyenne mensuelle.</translation>
        </message>
        <message>
            <source>Whole units.</source>
            <translation>Unités entières.</translation>
        </message>
        <message>
            <source>Known from monthly reports only: no lots, so no expiry dates.</source>
            <translation>Connu uniquement par les rapports mensuels : pas de lots, donc pas de dates de péremption.</translation>
        </message>
        <message>
            <source>the {count} complete months of the window: {months}.</source>
            <translation>les {count} mois complets de la période de calcul : {months}.</translation>
        </message>
        <message>
            <source>No month of consumption reported in the window.</source>
            <translation>Aucun mois de consommation rapporté dans la période de calcul.</translation>
        </message>
        <message>
            <source>Each month's N is {n}; the average P is {p}.</source>
            <translation>Le N de chaque mois est {n} ; la moyenne P est {p}.</translation>
        </message>
        <message>
            <source>Average monthly consumption (AMC)</source>
            <translation>Consommation moyenne mensuelle (CMM)</translation>
        </message>
        <message>
            <source>Adjusted consumption N per month</source>
            <translation>Consommation ajustée N par mois</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <source>Consumed (C)</source>
            <translation>Consommé (C)</translation>
        </message>
        <message>
            <source>Days out (X)</source>
            <translation>Jours de rupture (X)</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Formule</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>A month with days out of stock is scaled up to what it would have been with stock every day: {rule}.</source>
            <translation>Un mois avec des jours de rupture est extrapolé à ce qu'il aurait été avec du stock tous les jours : {rule}.</translation>
        </message>
        <message>
            <source>Window: {window}</source>
            <translation>Période de calcul : {window}</translation>
        </message>
        <message>
            <source>Rounding: {rounding}</source>
            <translation>Arrondi : {rounding}</translation>
        </message>
    </context>
    <context>
        <name>FacilitiesTab</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Région</translation>
        </message>
        <message>
            <source>Supplied by</source>
            <translation>Approvisionné par</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>&amp;New facility</source>
            <translation>&amp;Nouvel établissement</translation>
        </message>
        <message>
            <source>Sa&amp;ve facility</source>
            <translation>&amp;Enregistrer l'établissement</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code :</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>N&amp;om :</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type :</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;District :</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Ré&amp;gion :</translation>
        </message>
        <message>
            <source>Supplied &amp;by:</source>
            <translation>&amp;Approvisionné par :</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>En &amp;service :</translation>
        </message>
        <message>
            <source>Open and reporting</source>
            <translation>Ouvert et transmettant ses rapports</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Pourquoi (conservé dans le journal d'audit)</translation>
        </message>
        <message>
            <source>Code, name or district</source>
            <translation>Code, nom ou district</translation>
        </message>
        <message>
            <source>(nobody: supplied from outside the district)</source>
            <translation>(personne : approvisionné depuis l'extérieur du district)</translation>
        </message>
        <message>
            <source>New facility</source>
            <translation>Nouvel établissement</translation>
        </message>
        <message>
            <source>Facility {code}</source>
            <translation>Établissement {code}</translation>
        </message>
    </context>
    <context>
        <name>FacilityType</name>
        <message>
            <source>Health centre</source>
            <translation>Centre de santé</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>Hôpital</translation>
        </message>
        <message>
            <source>District store</source>
            <translation>Dépôt de district</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Saving facilities and products…</source>
            <translation>Enregistrement des établissements et des produits…</translation>
        </message>
        <message>
            <source>Creating the demo users…</source>
            <translation>Création des utilisateurs de démonstration…</translation>
        </message>
        <message>
            <source>Simulating months of daily work…</source>
            <translation>Simulation de plusieurs mois de travail quotidien…</translation>
        </message>
        <message>
            <source>Writing the stock cards…</source>
            <translation>Écriture des fiches de stock…</translation>
        </message>
        <message>
            <source>Creating the facility, the administrator and the catalogue…</source>
            <translation>Création de l'établissement, de l'administrateur et du catalogue…</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>StockDesk: first start</source>
            <translation>StockDesk : premier démarrage</translation>
        </message>
        <message>
            <source>Building the demo district</source>
            <translation>Création du district de démonstration</translation>
        </message>
        <message>
            <source>Setting up StockDesk</source>
            <translation>Configuration de StockDesk</translation>
        </message>
        <message>
            <source>Please check what is marked in red on the earlier pages.</source>
            <translation>Veuillez vérifier ce qui est marqué en rouge sur les pages précédentes.</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Bring in records exported from another system or a spreadsheet. Each file is imported whole or not at all: if one of its rows has an error, nothing of that file is saved. A file imported before is recognised and changes nothing.</source>
            <translation>Importez des données exportées d'un autre système ou d'un tableur. Chaque fichier est importé en entier ou pas du tout : si une de ses lignes contient une erreur, rien de ce fichier n'est enregistré. Un fichier déjà importé est reconnu et ne change rien.</translation>
        </message>
        <message>
            <source>&amp;What the files hold:</source>
            <translation>&amp;Contenu des fichiers :</translation>
        </message>
        <message>
            <source>&amp;Choose files…</source>
            <translation>C&amp;hoisir les fichiers…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Feuille</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Colonne</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>File&amp;s:</source>
            <translation>Fichier&amp;s :</translation>
        </message>
        <message>
            <source>&amp;Problems in the selected file (row and column as the spreadsheet shows them):</source>
            <translation>&amp;Problèmes du fichier sélectionné (ligne et colonne telles que le tableur les affiche) :</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Établissements</translation>
        </message>
        <message>
            <source>Product catalogue</source>
            <translation>Catalogue des produits</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Niveaux de stock</translation>
        </message>
        <message>
            <source>Ledger transactions</source>
            <translation>Transactions du registre</translation>
        </message>
        <message>
            <source>Monthly history (LMIS reports)</source>
            <translation>Historique mensuel (rapports SIGL)</translation>
        </message>
        <message>
            <source>One row per facility: its code, name, type (health centre, hospital or district store), district, region and the code of the facility that supplies it. A facility already known is updated.</source>
            <translation>Une ligne par établissement : son code, son nom, son type (centre de santé, hôpital ou dépôt de district), son district, sa région et le code de l'établissement qui l'approvisionne. Un établissement déjà connu est mis à jour.</translation>
        </message>
        <message>
            <source>One row per product: code, name, strength, form, dispensing unit, pack size, price per pack, program, ATC code and barcode (GTIN). A product already known is updated.</source>
            <translation>Une ligne par produit : code, nom, dosage, forme, unité de dispensation, conditionnement, prix par conditionnement, programme, code ATC et code-barres (GTIN). Un produit déjà connu est mis à jour.</translation>
        </message>
        <message>
            <source>One row per program and facility type: maximum, minimum and emergency order point in months of stock, lead time and review period in months.</source>
            <translation>Une ligne par programme et type d'établissement : maximum, minimum et point de commande d'urgence en mois de stock, délai de livraison et période de revue en mois.</translation>
        </message>
        <message>
            <source>One row per stock movement: date, facility code, product code, kind (receipt, issue, loss, adjustment, transfer or physical count) and quantity; lot, expiry, reason and reference when known.</source>
            <translation>Une ligne par mouvement de stock : date, code de l'établissement, code du produit, type (réception, sortie, perte, ajustement, transfert ou inventaire physique) et quantité ; lot, péremption, motif et référence si connus.</translation>
        </message>
        <message>
            <source>One row per facility, product and month: opening balance (A), received (B), consumed (C), losses and adjustments (D), closing balance (E) and stockout days (X).</source>
            <translation>Une ligne par établissement, produit et mois : stock initial (A), quantité reçue (B), quantité consommée (C), pertes et ajustements (D), stock final (E) et jours de rupture (X).</translation>
        </message>
        <message>
            <source>Columns (* required): {columns}. Common other headers are recognised too; dates are YYYY-MM-DD or DD/MM/YYYY, months YYYY-MM.</source>
            <translation>Colonnes (* obligatoires) : {columns}. D'autres en-têtes courants sont aussi reconnus ; les dates sont au format AAAA-MM-JJ ou JJ/MM/AAAA, les mois AAAA-MM.</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importé</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Déjà importé</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refusé</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Non importé</translation>
        </message>
        <message>
            <source>Choose the files to import</source>
            <translation>Choisir les fichiers à importer</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
            <translation>Tableurs (*.csv *.xlsx);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importation…</translation>
        </message>
        <message>
            <source>Importing {file} (file {number} of {count})…</source>
            <translation>Importation de {file} (fichier {number} sur {count})…</translation>
        </message>
        <message>
            <source>Importing {kind}…</source>
            <translation>Importation : {kind}…</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}. A file not imported changed nothing: correct the rows listed below and import it again.</source>
            <translation>Fichiers importés : {imported} sur {count}. Un fichier non importé n'a rien changé : corrigez les lignes indiquées ci-dessous et importez-le à nouveau.</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}.</source>
            <translation>Fichiers importés : {imported} sur {count}.</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing changed.</source>
            <translation>L'importation a été annulée ; rien n'a changé.</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Receipt</source>
            <translation>Réception</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>Perte</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Ajustement</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>Transfert entrant</translation>
        </message>
        <message>
            <source>Transfer out</source>
            <translation>Transfert sortant</translation>
        </message>
        <message>
            <source>Physical count</source>
            <translation>Inventaire physique</translation>
        </message>
        <message>
            <source>Reversal</source>
            <translation>Annulation</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to StockDesk</source>
            <translation>Bienvenue dans StockDesk</translation>
        </message>
        <message>
            <source>This computer has no StockDesk data yet. A few questions, and it is ready.</source>
            <translation>Cet ordinateur ne contient encore aucune donnée StockDesk. Quelques questions, et tout sera prêt.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>How do you want to start?</source>
            <translation>Comment voulez-vous commencer ?</translation>
        </message>
        <message>
            <source>&amp;Set up this computer for a health facility or a district office</source>
            <translation>&amp;Configurer cet ordinateur pour un établissement de santé ou un bureau de district</translation>
        </message>
        <message>
            <source>&amp;Try StockDesk with a demo district (training; made-up data)</source>
            <translation>&amp;Essayer StockDesk avec un district de démonstration (formation ; données fictives)</translation>
        </message>
    </context>
    <context>
        <name>LanguageTab</name>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source> months</source>
            <translation> mois</translation>
        </message>
        <message>
            <source>&amp;Warn of expiry within:</source>
            <translation>&amp;Alerter des péremptions dans les :</translation>
        </message>
        <message>
            <source>The language changes at once for every screen. Lots expiring within the warning horizon are shown at risk in the stock screens and the expiry report.</source>
            <translation>La langue change immédiatement pour tous les écrans. Les lots arrivant à péremption dans le délai d'alerte sont signalés à risque dans les écrans de stock et dans le rapport sur le risque de péremption.</translation>
        </message>
    </context>
    <context>
        <name>LevelsTab</name>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Facility type</source>
            <translation>Type d'établissement</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>Minimum</translation>
        </message>
        <message>
            <source>Emergency point</source>
            <translation>Point d'urgence</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>Délai de livraison</translation>
        </message>
        <message>
            <source>Review period</source>
            <translation>Période de revue</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Défini</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>default</source>
            <translation>par défaut</translation>
        </message>
        <message>
            <source>Not set yet: the default levels apply until you save them.</source>
            <translation>Pas encore définis : les niveaux par défaut s'appliquent jusqu'à ce que vous les enregistriez.</translation>
        </message>
        <message>
            <source>Sa&amp;ve levels</source>
            <translation>&amp;Enregistrer les niveaux</translation>
        </message>
        <message>
            <source>Ma&amp;ximum stock:</source>
            <translation>Stock ma&amp;ximum :</translation>
        </message>
        <message>
            <source>Mi&amp;nimum stock:</source>
            <translation>Stock mi&amp;nimum :</translation>
        </message>
        <message>
            <source>&amp;Emergency order point:</source>
            <translation>Point de commande d'&amp;urgence :</translation>
        </message>
        <message>
            <source>Lead &amp;time:</source>
            <translation>&amp;Délai de livraison :</translation>
        </message>
        <message>
            <source>Review &amp;period:</source>
            <translation>&amp;Période de revue :</translation>
        </message>
        <message>
            <source> months</source>
            <translation> mois</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Pourquoi (conservé dans le journal d'audit)</translation>
        </message>
        <message>
            <source>Levels are in months of stock. Order up to the maximum at each review; below the minimum, order now; below the emergency order point, order an emergency delivery. The minimum is usually lead time + safety stock.</source>
            <translation>Les niveaux sont exprimés en mois de stock. À chaque revue, commandez jusqu'au maximum ; sous le minimum, commandez immédiatement ; sous le point de commande d'urgence, demandez une livraison d'urgence. Le minimum correspond généralement au délai de livraison + le stock de sécurité.</translation>
        </message>
        <message>
            <source>Choose a program and facility type in the list.</source>
            <translation>Choisissez un programme et un type d'établissement dans la liste.</translation>
        </message>
        <message>
            <source>Levels of {program} at a {type}</source>
            <translation>Niveaux de {program} – {type}</translation>
        </message>
        <message>
            <source>The minimum ({min} months) is above the maximum ({max} months): check both.</source>
            <translation>Le minimum ({min} mois) est supérieur au maximum ({max} mois) : vérifiez les deux.</translation>
        </message>
        <message>
            <source>The emergency order point ({eop} months) should be below the minimum ({min} months).</source>
            <translation>Le point de commande d'urgence ({eop} mois) devrait être inférieur au minimum ({min} mois).</translation>
        </message>
        <message>
            <source>Saved {what}, with a warning: see the fields marked.</source>
            <translation>Enregistré avec un avertissement : {what}. Voyez les champs signalés.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>StockDesk</source>
            <translation>StockDesk</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>&amp;Facility:</source>
            <translation>É&amp;tablissement :</translation>
        </message>
        <message>
            <source>{user} ({role})</source>
            <translation>{user} ({role})</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>Base de données : {where}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Se &amp;déconnecter</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>Alle&amp;r</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;About StockDesk</source>
            <translation>À &amp;propos de StockDesk</translation>
        </message>
        <message>
            <source>About StockDesk</source>
            <translation>À propos de StockDesk</translation>
        </message>
        <message>
            <source>StockDesk {version}
Stock management of essential medicines for health facilities and district offices.</source>
            <translation>StockDesk {version}
Gestion des stocks de médicaments essentiels pour les établissements de santé et les bureaux de district.</translation>
        </message>
    </context>
    <context>
        <name>NewRequisitionDialog</name>
        <message>
            <source>New requisition</source>
            <translation>Nouvelle réquisition</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Période :</translation>
        </message>
        <message>
            <source>P&amp;rogram:</source>
            <translation>Pro&amp;gramme :</translation>
        </message>
        <message>
            <source>&amp;Emergency requisition (outside the monthly cycle)</source>
            <translation>Réquisition d'&amp;urgence (hors du cycle mensuel)</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Créer</translation>
        </message>
    </context>
    <context>
        <name>Operation</name>
        <message>
            <source>approve requisitions</source>
            <translation>approuver les réquisitions</translation>
        </message>
        <message>
            <source>authorize requisitions</source>
            <translation>autoriser les réquisitions</translation>
        </message>
        <message>
            <source>build the demo district</source>
            <translation>créer le district de démonstration</translation>
        </message>
        <message>
            <source>change facilities, products or stock levels</source>
            <translation>modifier les établissements, les produits ou les niveaux de stock</translation>
        </message>
        <message>
            <source>import facilities</source>
            <translation>importer les établissements</translation>
        </message>
        <message>
            <source>import facilities' requisitions</source>
            <translation>importer les réquisitions des établissements</translation>
        </message>
        <message>
            <source>import ledger transactions</source>
            <translation>importer les mouvements du registre de stock</translation>
        </message>
        <message>
            <source>import monthly history</source>
            <translation>importer l'historique mensuel</translation>
        </message>
        <message>
            <source>import stock levels</source>
            <translation>importer les niveaux de stock</translation>
        </message>
        <message>
            <source>import the product catalogue</source>
            <translation>importer le catalogue des produits</translation>
        </message>
        <message>
            <source>make backups</source>
            <translation>faire des sauvegardes</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>gérer les utilisateurs</translation>
        </message>
        <message>
            <source>mark requisitions as issued</source>
            <translation>marquer les réquisitions comme servies</translation>
        </message>
        <message>
            <source>prepare requisitions</source>
            <translation>préparer les réquisitions</translation>
        </message>
        <message>
            <source>read the audit log</source>
            <translation>consulter le journal d'audit</translation>
        </message>
        <message>
            <source>record stock movements</source>
            <translation>enregistrer les mouvements de stock</translation>
        </message>
        <message>
            <source>reject requisitions</source>
            <translation>rejeter les réquisitions</translation>
        </message>
        <message>
            <source>restore a backup</source>
            <translation>restaurer une sauvegarde</translation>
        </message>
        <message>
            <source>reverse stock movements</source>
            <translation>annuler des mouvements de stock</translation>
        </message>
        <message>
            <source>see stock</source>
            <translation>voir le stock</translation>
        </message>
        <message>
            <source>submit requisitions</source>
            <translation>soumettre les réquisitions</translation>
        </message>
    </context>
    <context>
        <name>OutlookTab</name>
        <message>
            <source>Facility or product</source>
            <translation>Établissement ou produit</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Rechercher :</translation>
        </message>
        <message>
            <source>Every status</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatut :</translation>
        </message>
        <message>
            <source>Show &amp;every product</source>
            <translation>Affic&amp;her tous les produits</translation>
        </message>
        <message>
            <source>Also list the products that need no action: stock adequate and a stockout before the next delivery unlikely</source>
            <translation>Lister aussi les produits qui ne demandent aucune action : stock suffisant et rupture avant la prochaine livraison peu probable</translation>
        </message>
        <message>
            <source>Co&amp;mpute</source>
            <translation>Ca&amp;lculer</translation>
        </message>
        <message>
            <source>Forecast every product of every facility of the district</source>
            <translation>Prévoir chaque produit de chaque établissement du district</translation>
        </message>
        <message>
            <source>Press Compute to forecast every product of every facility of the district and list what needs action, most urgent first.</source>
            <translation>Appuyez sur Calculer pour prévoir chaque produit de chaque établissement du district et lister ce qui demande une action, le plus urgent d’abord.</translation>
        </message>
        <message>
            <source>Enter: open the stock card of this product at this facility</source>
            <translation>Entrée : ouvrir la fiche de stock de ce produit dans cet établissement</translation>
        </message>
        <message>
            <source>Choose a district first.</source>
            <translation>Choisissez d’abord un district.</translation>
        </message>
        <message>
            <source>Forecasting {district}…</source>
            <translation>Prévision de {district}…</translation>
        </message>
        <message>
            <source>Forecasting the district…</source>
            <translation>Prévision du district…</translation>
        </message>
        <message>
            <source>Press Compute to forecast this district.</source>
            <translation>Appuyez sur Calculer pour faire la prévision de ce district.</translation>
        </message>
        <message>
            <source>The forecast was cancelled.</source>
            <translation>La prévision a été annulée.</translation>
        </message>
        <message>
            <source>The forecast could not be computed.</source>
            <translation>La prévision n’a pas pu être calculée.</translation>
        </message>
        <message>
            <source>{summary} Stock has changed since: press Compute for fresh figures.</source>
            <translation>{summary} Le stock a changé depuis : appuyez sur Calculer pour des chiffres à jour.</translation>
        </message>
        <message>
            <source>{district} at the end of {day}: {count} of {series} facility × product need action.</source>
            <translation>{district} à la fin du {day} : {count} sur {series} établissement × produit demandent une action.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consommation moyenne mensuelle</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Mois de stock</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Maintenant</translation>
        </message>
        <message>
            <source>Outlook</source>
            <translation>Perspectives</translation>
        </message>
        <message>
            <source>Probability of running out before the next delivery arrives</source>
            <translation>Probabilité d’une rupture avant l’arrivée de la prochaine livraison</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Rupture prévue</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Stockout risk</source>
            <translation>Risque de rupture</translation>
        </message>
        <message>
            <source>Suggested order</source>
            <translation>Commande suggérée</translation>
        </message>
        <message>
            <source>Usable stock</source>
            <translation>Stock disponible</translation>
        </message>
        <message>
            <source>{percent} %</source>
            <translation>{percent} %</translation>
        </message>
    </context>
    <context>
        <name>PlacePage</name>
        <message>
            <source>This computer</source>
            <translation>Cet ordinateur</translation>
        </message>
        <message>
            <source>Which place does this computer keep the stock of? Use the code the district uses for it.</source>
            <translation>De quel lieu cet ordinateur gère-t-il le stock ? Utilisez le code que le district lui attribue.</translation>
        </message>
        <message>
            <source>This computer serves:</source>
            <translation>Cet ordinateur sert :</translation>
        </message>
        <message>
            <source>A &amp;health facility (health centre or hospital)</source>
            <translation>Un établissement de &amp;santé (centre de santé ou hôpital)</translation>
        </message>
        <message>
            <source>A district &amp;office (the district store and its facilities)</source>
            <translation>Un &amp;bureau de district (le dépôt de district et ses établissements)</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code :</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>T&amp;ype:</source>
            <translation>T&amp;ype :</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;District :</translation>
        </message>
        <message>
            <source>for example HC-012</source>
            <translation>par exemple CS-012</translation>
        </message>
        <message>
            <source>for example Riverside Health Centre</source>
            <translation>par exemple Centre de santé de la Rivière</translation>
        </message>
        <message>
            <source>for example North District Medical Store</source>
            <translation>par exemple Dépôt pharmaceutique du district Nord</translation>
        </message>
        <message>
            <source>Type the code of this place.</source>
            <translation>Saisissez le code de ce lieu.</translation>
        </message>
        <message>
            <source>The code has at most 32 characters.</source>
            <translation>Le code comporte au maximum 32 caractères.</translation>
        </message>
        <message>
            <source>Type the name of this place.</source>
            <translation>Saisissez le nom de ce lieu.</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>R&amp;R format version {version!r} is not known to this StockDesk (known: {known}); install a newer version</source>
            <translation>la version {version!r} du format R&amp;R est inconnue de ce StockDesk (versions connues : {known}) ; installez une version plus récente</translation>
        </message>
        <message>
            <source>a PostgreSQL database is restored by the server's administrator with pg_restore, not by StockDesk</source>
            <translation>une base de données PostgreSQL est restaurée par l'administrateur du serveur avec pg_restore, et non par StockDesk</translation>
        </message>
        <message>
            <source>a different version of {facility}'s {program} R&amp;R for {period} is already here ({status}); import with --replace to replace it</source>
            <translation>une autre version du R&amp;R {program} de {facility} pour {period} est déjà présente ({status}) ; importez avec --replace pour la remplacer</translation>
        </message>
        <message>
            <source>a lot (batch number) is required for {product}</source>
            <translation>un lot (numéro de lot) est obligatoire pour {product}</translation>
        </message>
        <message>
            <source>a movement needs at least one line</source>
            <translation>un mouvement doit comporter au moins une ligne</translation>
        </message>
        <message>
            <source>a reason is required for {kind}</source>
            <translation>{kind} : un motif est obligatoire</translation>
        </message>
        <message>
            <source>a report covers 1 to {most} months, not {months}</source>
            <translation>un rapport couvre de 1 à {most} mois, pas {months}</translation>
        </message>
        <message>
            <source>a reversal needs a reason</source>
            <translation>une annulation doit avoir un motif</translation>
        </message>
        <message>
            <source>a reversal of movement {id} cannot be dated {date}, before the movement itself ({original})</source>
            <translation>l'annulation du mouvement {id} ne peut pas être datée du {date}, avant le mouvement lui-même ({original})</translation>
        </message>
        <message>
            <source>a transfer needs the other facility or community health worker</source>
            <translation>un transfert doit indiquer l'autre établissement ou l'agent de santé communautaire</translation>
        </message>
        <message>
            <source>a user name has 2 to 64 letters, digits, dots, dashes or underscores, got {value!r}</source>
            <translation>un nom d'utilisateur comporte de 2 à 64 lettres, chiffres, points, tirets ou traits de soulignement ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>a user named {user} already exists</source>
            <translation>un utilisateur nommé {user} existe déjà</translation>
        </message>
        <message>
            <source>and {count} more problem(s) not shown ({errors} of them errors)</source>
            <translation>et {count} autre(s) problème(s) non affiché(s) (dont {errors} erreur(s))</translation>
        </message>
        <message>
            <source>cannot take {quantity} of {product}{lot_text} on {date}: the usable balance is {balance}</source>
            <translation>impossible de sortir {quantity} de {product}{lot_text} le {date} : le solde utilisable est de {balance}</translation>
        </message>
        <message>
            <source>column {column!r} appears twice</source>
            <translation>la colonne {column!r} apparaît deux fois</translation>
        </message>
        <message>
            <source>columns {first!r} and {column!r} both give {field}; keep one</source>
            <translation>les colonnes {first!r} et {column!r} donnent toutes deux {field} ; n'en gardez qu'une</translation>
        </message>
        <message>
            <source>date {date} is in the future (today is {today})</source>
            <translation>la date {date} est dans le futur (nous sommes le {today})</translation>
        </message>
        <message>
            <source>forecast months must be between 1 and {most}, got {months}</source>
            <translation>le nombre de mois de prévision doit être compris entre 1 et {most} ; valeur reçue : {months}</translation>
        </message>
        <message>
            <source>levels for {program} at {facility_type} look inconsistent: {detail}; imported as given</source>
            <translation>les niveaux de {program} pour {facility_type} semblent incohérents : {detail} ; importés tels quels</translation>
        </message>
        <message>
            <source>lot {lot} of {product} expired on {expiry}: it cannot be issued on {date}</source>
            <translation>le lot {lot} de {product} est périmé depuis le {expiry} : il ne peut pas être distribué le {date}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} has no stock at {facility}</source>
            <translation>le lot {lot} de {product} n'a pas de stock à {facility}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is counted twice</source>
            <translation>le lot {lot} de {product} est compté deux fois</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is recorded with expiry {known}, not {given}</source>
            <translation>le lot {lot} de {product} est enregistré avec la date de péremption {known}, et non {given}</translation>
        </message>
        <message>
            <source>missing column(s): {columns}</source>
            <translation>colonne(s) manquante(s) : {columns}</translation>
        </message>
        <message>
            <source>movement {id} does not exist</source>
            <translation>le mouvement {id} n'existe pas</translation>
        </message>
        <message>
            <source>movement {id} is itself a reversal; post a new movement instead</source>
            <translation>le mouvement {id} est lui-même une annulation ; enregistrez plutôt un nouveau mouvement</translation>
        </message>
        <message>
            <source>movement {id} was already reversed by movement {by}</source>
            <translation>le mouvement {id} a déjà été annulé par le mouvement {by}</translation>
        </message>
        <message>
            <source>name a facility or a district, not both and not neither</source>
            <translation>indiquez soit un établissement, soit un district (l'un des deux, pas les deux ni aucun)</translation>
        </message>
        <message>
            <source>no facility is in a district named {name!r}</source>
            <translation>aucun établissement ne se trouve dans un district nommé {name!r}</translation>
        </message>
        <message>
            <source>opening {a} + received {b} + losses/adjustments {d} - consumed {c} = {expected}, but closing balance is {e}</source>
            <translation>stock initial {a} + reçu {b} + pertes/ajustements {d} - consommé {c} = {expected}, mais le stock final est de {e}</translation>
        </message>
        <message>
            <source>period {period!r} is neither a month (YYYY-MM) nor a quarter (YYYY-Qn)</source>
            <translation>la période {period!r} n'est ni un mois (AAAA-MM) ni un trimestre (AAAA-Qn)</translation>
        </message>
        <message>
            <source>pg_dump was not found on PATH: install the PostgreSQL client tools, or ask the server's administrator to back up the database</source>
            <translation>pg_dump est introuvable dans le PATH : installez les outils clients PostgreSQL, ou demandez à l'administrateur du serveur de sauvegarder la base de données</translation>
        </message>
        <message>
            <source>quantity must be a whole number above zero, got {value!r}</source>
            <translation>la quantité doit être un nombre entier supérieur à zéro ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>role must be one of {allowed}, got {value!r}</source>
            <translation>le rôle doit être l'un des suivants : {allowed} ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>same {what} as row {other}</source>
            <translation>même {what} qu'à la ligne {other}</translation>
        </message>
        <message>
            <source>say which program (--program): {programs}</source>
            <translation>indiquez le programme (--program) : {programs}</translation>
        </message>
        <message>
            <source>stockout days {value} exceed the {days} days of {period}; stored as unknown</source>
            <translation>les jours de rupture ({value}) dépassent les {days} jours de {period} ; valeur enregistrée comme inconnue</translation>
        </message>
        <message>
            <source>the R&amp;R could not be stored ({detail}); nothing of it was kept</source>
            <translation>le R&amp;R n'a pas pu être enregistré ({detail}) ; rien n'en a été conservé</translation>
        </message>
        <message>
            <source>the R&amp;R workbook has no sheet {sheet!r}</source>
            <translation>le classeur R&amp;R n'a pas de feuille {sheet!r}</translation>
        </message>
        <message>
            <source>the backup could not be written: {detail}</source>
            <translation>la sauvegarde n'a pas pu être écrite : {detail}</translation>
        </message>
        <message>
            <source>the data rows were changed after the R&amp;R was written (SHA-256 {found}, the file says {expected}); ask the facility to export it again</source>
            <translation>les lignes de données ont été modifiées après la création du R&amp;R (SHA-256 {found}, le fichier indique {expected}) ; demandez à l'établissement de l'exporter à nouveau</translation>
        </message>
        <message>
            <source>the database file is damaged and cannot be restored ({detail})</source>
            <translation>le fichier de base de données est endommagé et ne peut pas être restauré ({detail})</translation>
        </message>
        <message>
            <source>the demo ledger was not written (import {status})</source>
            <translation>le registre de démonstration n'a pas été écrit (importation : {status})</translation>
        </message>
        <message>
            <source>the file already exists; choose another name or use --overwrite</source>
            <translation>le fichier existe déjà ; choisissez un autre nom ou utilisez --overwrite</translation>
        </message>
        <message>
            <source>the file cannot be read: {detail}</source>
            <translation>le fichier ne peut pas être lu : {detail}</translation>
        </message>
        <message>
            <source>the file does not exist or cannot be read</source>
            <translation>le fichier n'existe pas ou ne peut pas être lu</translation>
        </message>
        <message>
            <source>the file has more than {limit} rows</source>
            <translation>le fichier comporte plus de {limit} lignes</translation>
        </message>
        <message>
            <source>the file has no data rows</source>
            <translation>le fichier ne contient aucune ligne de données</translation>
        </message>
        <message>
            <source>the file is larger than {limit}</source>
            <translation>le fichier dépasse {limit}</translation>
        </message>
        <message>
            <source>the file says {status}; approval is given here, so it was imported as authorized, without K</source>
            <translation>le fichier indique {status} ; l'approbation se fait ici, il a donc été importé comme autorisé, sans K</translation>
        </message>
        <message>
            <source>the first user must be an admin, so that someone can manage users</source>
            <translation>le premier utilisateur doit être administrateur, afin que quelqu'un puisse gérer les utilisateurs</translation>
        </message>
        <message>
            <source>the import was cancelled; nothing changed</source>
            <translation>l'importation a été annulée ; rien n'a changé</translation>
        </message>
        <message>
            <source>the meta sheet lacks {keys}</source>
            <translation>il manque dans la feuille meta : {keys}</translation>
        </message>
        <message>
            <source>the new password must differ from the current one</source>
            <translation>le nouveau mot de passe doit être différent de l'actuel</translation>
        </message>
        <message>
            <source>the password must have at least {min} characters</source>
            <translation>le mot de passe doit comporter au moins {min} caractères</translation>
        </message>
        <message>
            <source>the password must not be the user name</source>
            <translation>le mot de passe ne doit pas être le nom d'utilisateur</translation>
        </message>
        <message>
            <source>the requisition has no line for {product}</source>
            <translation>la réquisition n'a pas de ligne pour {product}</translation>
        </message>
        <message>
            <source>this R&amp;R is {status}: only a submitted (or later) R&amp;R can be imported; ask the facility to submit it and export it again</source>
            <translation>ce R&amp;R est au statut {status} : seul un R&amp;R soumis (ou à un stade ultérieur) peut être importé ; demandez à l'établissement de le soumettre et de l'exporter à nouveau</translation>
        </message>
        <message>
            <source>this SQLite file is not a StockDesk database</source>
            <translation>ce fichier SQLite n'est pas une base de données StockDesk</translation>
        </message>
        <message>
            <source>this backup was made by a newer StockDesk (schema {revision}); this is StockDesk {version}. Install the newer version to restore it</source>
            <translation>cette sauvegarde a été faite par une version plus récente de StockDesk (schéma {revision}) ; celle-ci est StockDesk {version}. Installez la version plus récente pour la restaurer</translation>
        </message>
        <message>
            <source>this database already holds real records ({facilities} facilities, {users} users): build the demo in a new database, e.g. stockdesk --db demo.sqlite3 demo</source>
            <translation>cette base de données contient déjà des données réelles ({facilities} établissements, {users} utilisateurs) : créez la démonstration dans une nouvelle base de données, par ex. stockdesk --db demo.sqlite3 demo</translation>
        </message>
        <message>
            <source>this file was already imported on {when}; nothing changed</source>
            <translation>ce fichier a déjà été importé le {when} ; rien n'a changé</translation>
        </message>
        <message>
            <source>this is not a StockDesk database (not an SQLite file)</source>
            <translation>ce n'est pas une base de données StockDesk (ce n'est pas un fichier SQLite)</translation>
        </message>
        <message>
            <source>this is the database in use, not a backup of it</source>
            <translation>il s'agit de la base de données en cours d'utilisation, et non d'une sauvegarde</translation>
        </message>
        <message>
            <source>this is {found}, not an R&amp;R workbook (.xlsx) written by StockDesk</source>
            <translation>ce fichier est {found}, et non un classeur R&amp;R (.xlsx) créé par StockDesk</translation>
        </message>
        <message>
            <source>this is {found}; save it as CSV or Excel (.xlsx) and import that</source>
            <translation>ce fichier est {found} ; enregistrez-le au format CSV ou Excel (.xlsx) et importez ce dernier</translation>
        </message>
        <message>
            <source>this requisition is {status} and can no longer change; corrections go into the next period</source>
            <translation>cette réquisition est au statut {status} et ne peut plus être modifiée ; les corrections se font dans la période suivante</translation>
        </message>
        <message>
            <source>this workbook is not a StockDesk R&amp;R: {detail}</source>
            <translation>ce classeur n'est pas un R&amp;R StockDesk : {detail}</translation>
        </message>
        <message>
            <source>this would make lot {lot} of {product} negative ({balance}) on {date}</source>
            <translation>cela rendrait le lot {lot} de {product} négatif ({balance}) le {date}</translation>
        </message>
        <message>
            <source>unexpected column(s): {columns}</source>
            <translation>colonne(s) inattendue(s) : {columns}</translation>
        </message>
        <message>
            <source>unknown calculation profile {name!r}; known: {known}</source>
            <translation>profil de calcul inconnu {name!r} ; profils connus : {known}</translation>
        </message>
        <message>
            <source>unknown facility code {code!r}</source>
            <translation>code d'établissement inconnu {code!r}</translation>
        </message>
        <message>
            <source>unknown product code {code!r}</source>
            <translation>code produit inconnu {code!r}</translation>
        </message>
        <message>
            <source>unknown program {code!r}</source>
            <translation>programme inconnu {code!r}</translation>
        </message>
        <message>
            <source>unknown reason {reason!r} for {kind}; use one of: {allowed}</source>
            <translation>motif inconnu {reason!r} pour {kind} ; utilisez l'un des suivants : {allowed}</translation>
        </message>
        <message>
            <source>unknown step {action!r}; steps: {steps}</source>
            <translation>étape inconnue {action!r} ; étapes : {steps}</translation>
        </message>
        <message>
            <source>unknown user {user}</source>
            <translation>utilisateur inconnu {user}</translation>
        </message>
        <message>
            <source>user {user} is locked after repeated failed sign-ins; try again after {until}</source>
            <translation>l'utilisateur {user} est bloqué après plusieurs échecs de connexion ; réessayez après {until}</translation>
        </message>
        <message>
            <source>user {user} must choose a new password before changing any data (stockdesk user passwd {user})</source>
            <translation>l'utilisateur {user} doit choisir un nouveau mot de passe avant de modifier des données (stockdesk user passwd {user})</translation>
        </message>
        <message>
            <source>wrong password for {user}</source>
            <translation>mot de passe incorrect pour {user}</translation>
        </message>
        <message>
            <source>wrong user name or password</source>
            <translation>nom d'utilisateur ou mot de passe incorrect</translation>
        </message>
        <message>
            <source>{facility} already has a {program} requisition for {period}; export it, or create an emergency one with --emergency</source>
            <translation>{facility} a déjà une réquisition {program} pour {period} ; exportez-la, ou créez une réquisition d'urgence avec --emergency</translation>
        </message>
        <message>
            <source>{facility} has no figures for {program} in {period}: nothing to report</source>
            <translation>{facility} n'a aucune donnée pour {program} en {period} : rien à rapporter</translation>
        </message>
        <message>
            <source>{facility} has no record of {product}: nothing to forecast</source>
            <translation>{facility} n'a aucun enregistrement pour {product} : rien à prévoir</translation>
        </message>
        <message>
            <source>{facility} has no {program} requisition for {period}; create it first</source>
            <translation>{facility} n'a pas de réquisition {program} pour {period} ; créez-la d'abord</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} is already {status} here; a new version cannot replace it</source>
            <translation>le R&amp;R {program} de {facility} pour {period} est déjà au statut {status} ici ; une nouvelle version ne peut pas le remplacer</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} was made in this database; an imported one cannot replace it</source>
            <translation>le R&amp;R {program} de {facility} pour {period} a été créé dans cette base de données ; un rapport importé ne peut pas le remplacer</translation>
        </message>
        <message>
            <source>{field} is longer than {limit} characters</source>
            <translation>{field} dépasse {limit} caractères</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>{field} : champ obligatoire</translation>
        </message>
        <message>
            <source>{field} is {value!r} but the meta sheet says {expected!r}</source>
            <translation>{field} vaut {value!r}, mais la feuille meta indique {expected!r}</translation>
        </message>
        <message>
            <source>{field} must be a GTIN-8, -12, -13 or -14 with a correct check digit, got {value!r}</source>
            <translation>{field} doit être un GTIN-8, -12, -13 ou -14 avec une clé de contrôle correcte ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a date (YYYY-MM-DD), got {value!r}</source>
            <translation>{field} doit être une date (AAAA-MM-JJ) ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a month (YYYY-MM), got {value!r}</source>
            <translation>{field} doit être un mois (AAAA-MM) ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a number, got {value!r}</source>
            <translation>{field} doit être un nombre ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a whole number, got {value!r}</source>
            <translation>{field} doit être un nombre entier ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be above zero, got {value}</source>
            <translation>{field} doit être supérieur à zéro ; valeur reçue : {value}</translation>
        </message>
        <message>
            <source>{field} must be between {low} and {high}, got {value}</source>
            <translation>{field} doit être compris entre {low} et {high} ; valeur reçue : {value}</translation>
        </message>
        <message>
            <source>{field} must be one of {allowed}, got {value!r}</source>
            <translation>{field} doit être l'une des valeurs suivantes : {allowed} ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must be yes/no, got {value!r}</source>
            <translation>{field} doit être oui/non ; valeur reçue : {value!r}</translation>
        </message>
        <message>
            <source>{field} must not be negative, got {value}</source>
            <translation>{field} ne doit pas être négatif ; valeur reçue : {value}</translation>
        </message>
        <message>
            <source>{period} is not over yet (it ends on {last}): a requisition reports a completed month</source>
            <translation>{period} n'est pas encore terminé (fin le {last}) : une réquisition porte sur un mois complet</translation>
        </message>
        <message>
            <source>{product} appears again (first on row {first}): one line per product</source>
            <translation>{product} apparaît de nouveau (d'abord à la ligne {first}) : une ligne par produit</translation>
        </message>
        <message>
            <source>{product} is kept in lots: count each lot (batch) separately, not the product total</source>
            <translation>{product} est géré par lots : comptez chaque lot séparément, et non le total du produit</translation>
        </message>
        <message>
            <source>{product} is not a product of the {program} program</source>
            <translation>{product} n'est pas un produit du programme {program}</translation>
        </message>
        <message>
            <source>{product} was counted on {counted}: nothing can be dated {date}, on or before that count; post the correction after it</source>
            <translation>{product} a été inventorié le {counted} : aucun mouvement ne peut être daté du {date}, à la date de cet inventaire ou avant ; enregistrez la correction après celui-ci</translation>
        </message>
        <message>
            <source>{product}, column {column}: {message}</source>
            <translation>{product}, colonne {column} : {message}</translation>
        </message>
        <message>
            <source>{product}: P not rechecked, this office holds no figures of {months}</source>
            <translation>{product} : P non revérifié, ce bureau ne détient aucune donnée pour {months}</translation>
        </message>
        <message>
            <source>{product}: {column} = {sent} but the {profile} rule gives {computed}</source>
            <translation>{product} : {column} = {sent}, mais la règle {profile} donne {computed}</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}: ask {allowed}</source>
            <translation>{user} ({role}) ne peut pas {action} : demandez à {allowed}</translation>
        </message>
        <message>
            <source>{user} is the last active admin; make another user admin first</source>
            <translation>{user} est le dernier administrateur actif ; nommez d'abord un autre utilisateur administrateur</translation>
        </message>
        <message>
            <source>{user} works at {own} and may not record stock at {facility}; ask someone there or the district logistician</source>
            <translation>{user} travaille à {own} et ne peut pas enregistrer de stock à {facility} ; demandez à quelqu'un sur place ou au logisticien de district</translation>
        </message>
        <message>
            <source>{what} is already recorded with different values ({detail})</source>
            <translation>{what} est déjà enregistré avec des valeurs différentes ({detail})</translation>
        </message>
        <message>
            <source>{why}</source>
            <translation>{why}</translation>
        </message>
        <message>
            <source>movement {id} is a physical count: a count is corrected by posting a new physical count</source>
            <translation>le mouvement {id} est un inventaire physique : un inventaire se corrige en enregistrant un nouvel inventaire physique</translation>
        </message>
        <message>
            <source>{field} {value!r} cannot be a code: {why}</source>
            <translation>{field} {value!r} ne peut pas être un code : {why}</translation>
        </message>
        <message>
            <source>{user} is a {role}, not an admin: only an admin password is recovered this way; ask an admin to reset it (stockdesk user passwd {user})</source>
            <translation>{user} est {role}, pas administrateur : seul le mot de passe d'un administrateur se récupère ainsi ; demandez à un administrateur de le réinitialiser (stockdesk user passwd {user})</translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Pack size</source>
            <translation>Conditionnement</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>GTIN</source>
            <translation>GTIN</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Utilisé</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>&amp;New product</source>
            <translation>&amp;Nouveau produit</translation>
        </message>
        <message>
            <source>Sa&amp;ve product</source>
            <translation>&amp;Enregistrer le produit</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code :</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>N&amp;om :</translation>
        </message>
        <message>
            <source>S&amp;trength:</source>
            <translation>Do&amp;sage :</translation>
        </message>
        <message>
            <source>Dosage f&amp;orm:</source>
            <translation>&amp;Forme galénique :</translation>
        </message>
        <message>
            <source>&amp;Dispensing unit:</source>
            <translation>&amp;Unité de dispensation :</translation>
        </message>
        <message>
            <source>Pac&amp;k size:</source>
            <translation>Condi&amp;tionnement :</translation>
        </message>
        <message>
            <source>&amp;Price per pack:</source>
            <translation>&amp;Prix par conditionnement :</translation>
        </message>
        <message>
            <source>Pro&amp;gram:</source>
            <translation>Pro&amp;gramme :</translation>
        </message>
        <message>
            <source>GT&amp;IN (barcode):</source>
            <translation>GT&amp;IN (code-barres) :</translation>
        </message>
        <message>
            <source>8, 12, 13 or 14 digits</source>
            <translation>8, 12, 13 ou 14 chiffres</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>Uti&amp;lisé :</translation>
        </message>
        <message>
            <source>Offered when recording stock</source>
            <translation>Proposé lors de la saisie du stock</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Pourquoi (conservé dans le journal d'audit)</translation>
        </message>
        <message>
            <source>Code, name, program or GTIN</source>
            <translation>Code, nom, programme ou GTIN</translation>
        </message>
        <message>
            <source>New product</source>
            <translation>Nouveau produit</translation>
        </message>
        <message>
            <source>Product {code}</source>
            <translation>Produit {code}</translation>
        </message>
    </context>
    <context>
        <name>Profiles</name>
        <message>
            <source>Each month's consumption is scaled up for the days the product was out of stock and rounded up to a whole unit; the average of the last 3 months is rounded up. This is what OpenLMIS v3 does.</source>
            <translation>La consommation de chaque mois est extrapolée pour tenir compte des jours où le produit était en rupture, puis arrondie à l'unité supérieure ; la moyenne des 3 derniers mois est arrondie à l'unité supérieure. C'est ce que fait OpenLMIS v3.</translation>
        </message>
        <message>
            <source>Consumption is scaled up to the days the product was in stock, without rounding; the average of 3 months is kept to 2 decimals, as mSupply prints it.</source>
            <translation>La consommation est extrapolée à partir des jours où le produit était en stock, sans arrondi ; la moyenne sur 3 mois est conservée avec 2 décimales, comme l'imprime mSupply.</translation>
        </message>
        <message>
            <source>Consumption is scaled up for stockout days only when the product was out for part of the month; the average of 3 months is rounded to the nearest unit, as the Côte d'Ivoire eLMIS does.</source>
            <translation>La consommation n'est extrapolée pour les jours de rupture que si le produit a été en rupture pendant une partie du mois ; la moyenne sur 3 mois est arrondie à l'unité la plus proche, comme le fait l'eLMIS de Côte d'Ivoire.</translation>
        </message>
        <message>
            <source>Consumption as recorded, stockout days ignored, as on a paper form; the average of 3 months is rounded up.</source>
            <translation>Consommation telle qu'enregistrée, sans tenir compte des jours de rupture, comme sur un formulaire papier ; la moyenne sur 3 mois est arrondie à l'unité supérieure.</translation>
        </message>
    </context>
    <context>
        <name>Program</name>
        <message>
            <source>Essential medicines</source>
            <translation>Médicaments essentiels</translation>
        </message>
        <message>
            <source>Family planning</source>
            <translation>Planification familiale</translation>
        </message>
        <message>
            <source>HIV</source>
            <translation>VIH</translation>
        </message>
        <message>
            <source>Malaria</source>
            <translation>Paludisme</translation>
        </message>
        <message>
            <source>Tuberculosis</source>
            <translation>Tuberculose</translation>
        </message>
    </context>
    <context>
        <name>ProgramsTab</name>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Calculation profile</source>
            <translation>Profil de calcul</translation>
        </message>
        <message>
            <source>Choose a program in the list.</source>
            <translation>Choisissez un programme dans la liste.</translation>
        </message>
        <message>
            <source>Calculation &amp;profile:</source>
            <translation>&amp;Profil de calcul :</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Pourquoi (conservé dans le journal d'audit)</translation>
        </message>
        <message>
            <source>&amp;Use this profile</source>
            <translation>&amp;Utiliser ce profil</translation>
        </message>
        <message>
            <source>The profile decides how adjusted consumption (N) and average monthly consumption (P) are computed for the program's next requisitions; requisitions already submitted keep theirs.</source>
            <translation>Le profil détermine comment la consommation ajustée (N) et la consommation moyenne mensuelle (P) sont calculées pour les prochaines réquisitions du programme ; les réquisitions déjà soumises conservent le leur.</translation>
        </message>
        <message>
            <source>Program {code}</source>
            <translation>Programme {code}</translation>
        </message>
        <message>
            <source>{program} now uses the {profile} profile.</source>
            <translation>{program} utilise désormais le profil {profile}.</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Expired</source>
            <translation>Périmé</translation>
        </message>
        <message>
            <source>Damaged or broken</source>
            <translation>Endommagé ou cassé</translation>
        </message>
        <message>
            <source>Stolen</source>
            <translation>Volé</translation>
        </message>
        <message>
            <source>Lost or missing</source>
            <translation>Perdu ou manquant</translation>
        </message>
        <message>
            <source>Quality recall</source>
            <translation>Rappel qualité</translation>
        </message>
        <message>
            <source>Found stock</source>
            <translation>Stock retrouvé</translation>
        </message>
        <message>
            <source>Returned by patient or ward</source>
            <translation>Retourné par un patient ou un service</translation>
        </message>
        <message>
            <source>Data-entry correction (+)</source>
            <translation>Correction de saisie (+)</translation>
        </message>
        <message>
            <source>Data-entry correction (−)</source>
            <translation>Correction de saisie (−)</translation>
        </message>
        <message>
            <source>Returned to supplier</source>
            <translation>Retourné au fournisseur</translation>
        </message>
        <message>
            <source>Physical count higher than book</source>
            <translation>Inventaire supérieur au stock théorique</translation>
        </message>
        <message>
            <source>Physical count lower than book</source>
            <translation>Inventaire inférieur au stock théorique</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Facility</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilisable</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Mois de stock</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Stockout expected</source>
            <translation>Rupture prévue</translation>
        </message>
        <message>
            <source>now</source>
            <translation>maintenant</translation>
        </message>
        <message>
            <source>To order</source>
            <translation>À commander</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>À risque de péremption</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>non rapporté</translation>
        </message>
        <message>
            <source>Days out of stock in {month}: {days}</source>
            <translation>Jours de rupture en {month} : {days}</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Actuellement</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Jours de rupture</translation>
        </message>
        <message>
            <source>Months with stockouts</source>
            <translation>Mois avec ruptures</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Péremption</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Jours restants</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantité</translation>
        </message>
        <message>
            <source>Used before expiry</source>
            <translation>Utilisé avant péremption</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>À risque</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Which</source>
            <translation>Élément</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Modification</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Avant</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Après</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Rapports</translation>
        </message>
        <message>
            <source>Stock status</source>
            <translation>État du stock</translation>
        </message>
        <message>
            <source>Stockouts</source>
            <translation>Ruptures de stock</translation>
        </message>
        <message>
            <source>Expiry risk</source>
            <translation>Risque de péremption</translation>
        </message>
        <message>
            <source>Audit log (who changed what)</source>
            <translation>Journal d'audit (qui a modifié quoi)</translation>
        </message>
        <message>
            <source> months</source>
            <translation> mois</translation>
        </message>
        <message>
            <source>Each program's own profile</source>
            <translation>Profil propre à chaque programme</translation>
        </message>
        <message>
            <source>Only products &amp;needing action</source>
            <translation>Uniquement les produits &amp;nécessitant une action</translation>
        </message>
        <message>
            <source>&amp;Months:</source>
            <translation>&amp;Mois :</translation>
        </message>
        <message>
            <source>&amp;Horizon:</source>
            <translation>&amp;Horizon :</translation>
        </message>
        <message>
            <source>&amp;AMC profile:</source>
            <translation>Profil de &amp;CMM :</translation>
        </message>
        <message>
            <source>&amp;Report:</source>
            <translation>Ra&amp;pport :</translation>
        </message>
        <message>
            <source>F&amp;or:</source>
            <translation>P&amp;our :</translation>
        </message>
        <message>
            <source>As of &amp;date:</source>
            <translation>À la &amp;date du :</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>&amp;Aperçu</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Enregistrer en PD&amp;F…</translation>
        </message>
        <message>
            <source>Save as &amp;Excel…</source>
            <translation>Enregistrer en &amp;Excel…</translation>
        </message>
        <message>
            <source>Pr&amp;int…</source>
            <translation>&amp;Imprimer…</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Rechercher :</translation>
        </message>
        <message>
            <source>Product, code, facility or lot</source>
            <translation>Produit, code, établissement ou lot</translation>
        </message>
        <message>
            <source>Choose a report and what it covers, then press Preview (Enter).</source>
            <translation>Choisissez un rapport et ce qu'il couvre, puis appuyez sur Aperçu (Entrée).</translation>
        </message>
        <message>
            <source>This facility: {name}</source>
            <translation>Cet établissement : {name}</translation>
        </message>
        <message>
            <source>The whole district: {name}</source>
            <translation>Tout le district : {name}</translation>
        </message>
        <message>
            <source>The audit log is shown here only; choose a stock report to save or print it.</source>
            <translation>Le journal d'audit s'affiche uniquement ici ; choisissez un rapport de stock pour l'enregistrer ou l'imprimer.</translation>
        </message>
        <message>
            <source>Preparing the stock status report…</source>
            <translation>Préparation du rapport sur l'état du stock…</translation>
        </message>
        <message>
            <source>Preparing the stockout report…</source>
            <translation>Préparation du rapport sur les ruptures de stock…</translation>
        </message>
        <message>
            <source>Preparing the expiry risk report…</source>
            <translation>Préparation du rapport sur le risque de péremption…</translation>
        </message>
        <message>
            <source>Reading the audit log…</source>
            <translation>Lecture du journal d'audit…</translation>
        </message>
        <message>
            <source>The report was cancelled; nothing changed.</source>
            <translation>Le rapport a été annulé ; rien n'a changé.</translation>
        </message>
        <message>
            <source>Audit log: the {count} most recent changes, newest first.</source>
            <translation>Journal d'audit : les {count} modifications les plus récentes, de la plus récente à la plus ancienne.</translation>
        </message>
        <message>
            <source>facility {name}</source>
            <translation>l'établissement {name}</translation>
        </message>
        <message>
            <source>district {name} ({count} facilities)</source>
            <translation>le district {name} ({count} établissements)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stock status&lt;/b&gt; of {scope} as of {day}: {shown} of {total} products × facilities listed.</source>
            <translation>&lt;b&gt;État du stock&lt;/b&gt; pour {scope} au {day} : {shown} sur {total} lignes produit × établissement affichées.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stockouts&lt;/b&gt; of {scope} as of {day}: {now} stocked out now; {days} days out of stock from {first} to {last}.</source>
            <translation>&lt;b&gt;Ruptures de stock&lt;/b&gt; pour {scope} au {day} : {now} actuellement en rupture ; {days} jours de rupture du {first} au {last}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Expiry risk&lt;/b&gt; of {scope} as of {day}: {lots} lots expire by {end}; {risk} units are at risk of expiring before use.</source>
            <translation>&lt;b&gt;Risque de péremption&lt;/b&gt; pour {scope} au {day} : {lots} lots arrivent à péremption d'ici le {end} ; {risk} unités risquent d'être périmées avant utilisation.</translation>
        </message>
        <message>
            <source>{count} products have expired stock still on the shelf: remove it and record the loss.</source>
            <translation>{count} produits ont encore du stock périmé en rayon : retirez-le et enregistrez la perte.</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Enregistrer le rapport en PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the report as Excel</source>
            <translation>Enregistrer le rapport au format Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Classeurs Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing the PDF…</source>
            <translation>Écriture du PDF…</translation>
        </message>
        <message>
            <source>Writing the workbook…</source>
            <translation>Écriture du classeur…</translation>
        </message>
        <message>
            <source>Saved to {file}</source>
            <translation>Enregistré dans {file}</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The report was saved as {file}: print it from there.</source>
            <translation>Aucun programme pour afficher les fichiers PDF n'a été trouvé sur cet ordinateur. Le rapport a été enregistré sous {file} : imprimez-le depuis cet emplacement.</translation>
        </message>
    </context>
    <context>
        <name>RequisitionStatus</name>
        <message>
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Soumise</translation>
        </message>
        <message>
            <source>Authorized</source>
            <translation>Autorisée</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approuvée</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Servie</translation>
        </message>
    </context>
    <context>
        <name>RequisitionView</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Retour à la liste</translation>
        </message>
        <message>
            <source>&amp;Reason for rejecting:</source>
            <translation>&amp;Motif du rejet :</translation>
        </message>
        <message>
            <source>What the facility must correct before submitting again</source>
            <translation>Ce que l'établissement doit corriger avant de soumettre à nouveau</translation>
        </message>
        <message>
            <source>Re&amp;ject the R&amp;&amp;R</source>
            <translation>Re&amp;jeter le R&amp;&amp;R</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>&amp;Conserver</translation>
        </message>
        <message>
            <source>Export &amp;Excel…</source>
            <translation>Exporter en &amp;Excel…</translation>
        </message>
        <message>
            <source>Export P&amp;DF…</source>
            <translation>Exporter en P&amp;DF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Imprimer…</translation>
        </message>
        <message>
            <source>Emergency R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R d'urgence {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>Facility: {name} ({code}), {district}   Period: {first} to {last}   Program: {program}   Profile: {profile} (maximum {max} months, minimum {min} months of stock)   Lines: {lines}</source>
            <translation>Établissement : {name} ({code}), {district}   Période : du {first} au {last}   Programme : {program}   Profil : {profile} (maximum {max} mois, minimum {min} mois de stock)   Lignes : {lines}</translation>
        </message>
        <message>
            <source>Not signed yet.</source>
            <translation>Pas encore signé.</translation>
        </message>
        <message>
            <source>Rejected: {reason}</source>
            <translation>Rejeté : {reason}</translation>
        </message>
        <message>
            <source>{product}, column {column}: {problem}</source>
            <translation>{product}, colonne {column} : {problem}</translation>
        </message>
        <message>
            <source>and {count} more (marked in red in the table)</source>
            <translation>et {count} autre(s) (marqué(s) en rouge dans le tableau)</translation>
        </message>
        <message>
            <source>Not available: the R&amp;R is {status}, or your role may not do this.</source>
            <translation>Non disponible : le R&amp;R est au statut {status}, ou votre rôle ne permet pas cette action.</translation>
        </message>
        <message>
            <source>Export the R&amp;R as Excel</source>
            <translation>Exporter le R&amp;R au format Excel</translation>
        </message>
        <message>
            <source>Export the R&amp;R as PDF</source>
            <translation>Exporter le R&amp;R en PDF</translation>
        </message>
        <message>
            <source>Writing the R&amp;R</source>
            <translation>Écriture du R&amp;R</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The R&amp;&amp;R was saved as {file}: print it from there.</source>
            <translation>Aucun programme pour afficher les fichiers PDF n'a été trouvé sur cet ordinateur. Le R&amp;&amp;R a été enregistré sous {file} : imprimez-le depuis cet emplacement.</translation>
        </message>
        <message>
            <source>Write why the R&amp;&amp;R is rejected, so the facility knows what to correct.</source>
            <translation>Indiquez pourquoi le R&amp;&amp;R est rejeté, pour que l'établissement sache quoi corriger.</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Document PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Enregistré dans {path}</translation>
        </message>
        <message>
            <source>Opened the R&amp;&amp;R in the PDF reader to print it.</source>
            <translation>Le R&amp;&amp;R a été ouvert dans le lecteur PDF pour être imprimé.</translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>&amp;Soumettre</translation>
        </message>
        <message>
            <source>A&amp;uthorize</source>
            <translation>A&amp;utoriser</translation>
        </message>
        <message>
            <source>A, B, C and E cannot be negative.</source>
            <translation>A, B, C et E ne peuvent pas être négatifs.</translation>
        </message>
        <message>
            <source>A, opening balance: stock on hand on the first day of the period.</source>
            <translation>A, stock initial : stock disponible le premier jour de la période.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Adj. cons.</source>
            <translation>Cons. ajustée</translation>
        </message>
        <message>
            <source>Appro&amp;ve</source>
            <translation>A&amp;pprouver</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Qté approuvée</translation>
        </message>
        <message>
            <source>Approved by {name} on {when}</source>
            <translation>Approuvé par {name} le {when}</translation>
        </message>
        <message>
            <source>Authorized by {name} on {when}</source>
            <translation>Autorisé par {name} le {when}</translation>
        </message>
        <message>
            <source>B, received: quantity received during the period.</source>
            <translation>B, reçu : quantité reçue pendant la période.</translation>
        </message>
        <message>
            <source>C, consumed: quantity dispensed to patients or wards during the period.</source>
            <translation>C, consommé : quantité distribuée aux patients ou aux services pendant la période.</translation>
        </message>
        <message>
            <source>Calculated</source>
            <translation>Qté calculée</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Stock final</translation>
        </message>
        <message>
            <source>Consumed</source>
            <translation>Consommé</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Coût</translation>
        </message>
        <message>
            <source>D, losses and adjustments: expiries, damage, count corrections (negative when stock was lost).</source>
            <translation>D, pertes et ajustements : péremptions, dommages, corrections d'inventaire (négatif en cas de perte de stock).</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Jours rupture</translation>
        </message>
        <message>
            <source>E = {E} but A + B + D − C = {sum}.</source>
            <translation>E = {E}, mais A + B + D − C = {sum}.</translation>
        </message>
        <message>
            <source>E, closing balance: stock on hand at the end of the period; E = A + B + D − C.</source>
            <translation>E, stock final : stock disponible à la fin de la période ; E = A + B + D − C.</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>Explication</translation>
        </message>
        <message>
            <source>H, maximum stock: P times the maximum months of stock.</source>
            <translation>H, stock maximum : P multiplié par le nombre maximal de mois de stock.</translation>
        </message>
        <message>
            <source>I, calculated order quantity: H − E, never below zero.</source>
            <translation>I, quantité à commander calculée : H − E, jamais inférieure à zéro.</translation>
        </message>
        <message>
            <source>Issued by {name} on {when}</source>
            <translation>Servi par {name} le {when}</translation>
        </message>
        <message>
            <source>J, requested quantity: what the facility asks for. Type it on a draft; explain in W when it differs from I.</source>
            <translation>J, quantité demandée : ce que l'établissement demande. Saisissez-la sur un brouillon ; expliquez dans W si elle diffère de I.</translation>
        </message>
        <message>
            <source>K, approved quantity: what the district approves to send. Typed by the approver on an authorized R&amp;R.</source>
            <translation>K, quantité approuvée : ce que le district approuve d'envoyer. Saisie par l'approbateur sur un R&amp;R autorisé.</translation>
        </message>
        <message>
            <source>L, remarks.</source>
            <translation>L, remarques.</translation>
        </message>
        <message>
            <source>Losses/adj.</source>
            <translation>Pertes/ajust.</translation>
        </message>
        <message>
            <source>Mark &amp;issued</source>
            <translation>Marquer comme ser&amp;vie</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>N, adjusted consumption: C corrected for the days the product was out of stock.</source>
            <translation>N, consommation ajustée : C corrigée pour les jours où le produit était en rupture de stock.</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>Stock initial</translation>
        </message>
        <message>
            <source>P, average monthly consumption over the last months, by the calculation profile.</source>
            <translation>P, consommation moyenne mensuelle des derniers mois, selon le profil de calcul.</translation>
        </message>
        <message>
            <source>Pack price</source>
            <translation>Prix condit.</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Nb condit.</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Product, strength and form.</source>
            <translation>Produit, dosage et forme galénique.</translation>
        </message>
        <message>
            <source>Q, total cost: V × T.</source>
            <translation>Q, coût total : V × T.</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Re&amp;jeter…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>Qté demandée</translation>
        </message>
        <message>
            <source>Requested {J} differs from calculated {I}: explain why in W.</source>
            <translation>La quantité demandée {J} diffère de la quantité calculée {I} : expliquez pourquoi dans W.</translation>
        </message>
        <message>
            <source>Submitted by {name} on {when}</source>
            <translation>Soumis par {name} le {when}</translation>
        </message>
        <message>
            <source>T, price per pack.</source>
            <translation>T, prix par conditionnement.</translation>
        </message>
        <message>
            <source>The requested quantity cannot be negative.</source>
            <translation>La quantité demandée ne peut pas être négative.</translation>
        </message>
        <message>
            <source>V, packs to ship: K in whole packs.</source>
            <translation>V, conditionnements à expédier : K en conditionnements entiers.</translation>
        </message>
        <message>
            <source>W, explanation: why the requested quantity J differs from the calculated quantity I.</source>
            <translation>W, explication : pourquoi la quantité demandée J diffère de la quantité calculée I.</translation>
        </message>
        <message>
            <source>X = {X} stockout days, more than the {days} days of the period.</source>
            <translation>X = {X} jours de rupture, soit plus que les {days} jours de la période.</translation>
        </message>
        <message>
            <source>X, stockout days: days of the period with no stock.</source>
            <translation>X, jours de rupture : jours de la période sans stock.</translation>
        </message>
        <message>
            <source>{code}
{name}
Unit: {unit}, pack of {pack}</source>
            <translation>{code}
{name}
Unité : {unit}, conditionnement de {pack}</translation>
        </message>
        <message>
            <source>{letter}
{name}</source>
            <translation>{letter}
{name}</translation>
        </message>
    </context>
    <context>
        <name>RequisitionsPage</name>
        <message>
            <source>Requisitions</source>
            <translation>Réquisitions</translation>
        </message>
        <message>
            <source>&amp;New requisition…</source>
            <translation>&amp;Nouvelle réquisition…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>Choose a facility at the top of the window.</source>
            <translation>Choisissez un établissement en haut de la fenêtre.</translation>
        </message>
        <message>
            <source>Requisitions of {facility}</source>
            <translation>Réquisitions de {facility}</translation>
        </message>
        <message>
            <source>No requisition yet for this facility. Use New requisition to prepare the one of the month just completed.</source>
            <translation>Aucune réquisition pour cet établissement pour le moment. Utilisez « Nouvelle réquisition » pour préparer celle du mois qui vient de se terminer.</translation>
        </message>
        <message>
            <source>Preparing the requisition</source>
            <translation>Préparation de la réquisition</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Urgence</translation>
        </message>
        <message>
            <source>Here</source>
            <translation>Ici</translation>
        </message>
        <message>
            <source>Imported from a file</source>
            <translation>Importée d'un fichier</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Origine</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
    </context>
    <context>
        <name>ReversePanel</name>
        <message>
            <source>Stock that has been counted is corrected by posting a new physical count, not by reversing a movement.</source>
            <translation>Un stock inventorié se corrige en enregistrant un nouvel inventaire physique, pas en annulant un mouvement.</translation>
        </message>
        <message>
            <source>Count &amp;again</source>
            <translation>&amp;Compter à nouveau</translation>
        </message>
        <message>
            <source>Switch to Physical count to post a new count.</source>
            <translation>Passer à l'inventaire physique pour enregistrer un nouveau comptage.</translation>
        </message>
    </context>
    <context>
        <name>Role</name>
        <message>
            <source>Pharmacist</source>
            <translation>Pharmacien</translation>
        </message>
        <message>
            <source>Facility in-charge</source>
            <translation>Responsable de l'établissement</translation>
        </message>
        <message>
            <source>District logistician</source>
            <translation>Logisticien de district</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Superviseur</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
    </context>
    <context>
        <name>Severity</name>
        <message>
            <source>Note</source>
            <translation>Remarque</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in to StockDesk</source>
            <translation>Connexion à StockDesk</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Nom d'utilisateur :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>Se &amp;connecter</translation>
        </message>
        <message>
            <source>Demo users: {users} — password: {password}</source>
            <translation>Utilisateurs de démonstration : {users} — mot de passe : {password}</translation>
        </message>
        <message>
            <source>Type your user name.</source>
            <translation>Saisissez votre nom d'utilisateur.</translation>
        </message>
        <message>
            <source>{problem} (in {minutes} min)</source>
            <translation>{problem} (dans {minutes} min)</translation>
        </message>
    </context>
    <context>
        <name>Start</name>
        <message>
            <source>Building the demo district</source>
            <translation>Création du district de démonstration</translation>
        </message>
        <message>
            <source>Signing in as {user} failed: {detail}</source>
            <translation>La connexion en tant que {user} a échoué : {detail}</translation>
        </message>
        <message>
            <source>StockDesk cannot start</source>
            <translation>StockDesk ne peut pas démarrer</translation>
        </message>
        <message>
            <source>StockDesk could not open its database: {detail}</source>
            <translation>StockDesk n'a pas pu ouvrir sa base de données : {detail}</translation>
        </message>
        <message>
            <source>The database was upgraded to this version of StockDesk. The copy from before is {file}.</source>
            <translation>La base de données a été mise à jour pour cette version de StockDesk. La copie d'avant la mise à jour est {file}.</translation>
        </message>
        <message>
            <source>This database was written by a newer version of StockDesk (database schema {schema}). This is StockDesk {version}, which cannot open it without risking your records. Install the newer StockDesk on this computer; the database was not changed.</source>
            <translation>Cette base de données a été écrite par une version plus récente de StockDesk (schéma de base de données {schema}). Vous utilisez StockDesk {version}, qui ne peut pas l'ouvrir sans risquer vos données. Installez la version plus récente de StockDesk sur cet ordinateur ; la base de données n'a pas été modifiée.</translation>
        </message>
        <message>
            <source>Warning: {detail}</source>
            <translation>Avertissement : {detail}</translation>
        </message>
        <message>
            <source>The demo district could not be built: {detail}</source>
            <translation>Le district de démonstration n'a pas pu être créé : {detail}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Stocked out</source>
            <translation>En rupture</translation>
        </message>
        <message>
            <source>Below emergency point</source>
            <translation>Sous le point de commande d'urgence</translation>
        </message>
        <message>
            <source>Below minimum</source>
            <translation>Sous le minimum</translation>
        </message>
        <message>
            <source>Adequate</source>
            <translation>Adéquat</translation>
        </message>
        <message>
            <source>Overstocked</source>
            <translation>Surstocké</translation>
        </message>
        <message>
            <source>No consumption data</source>
            <translation>Pas de données de consommation</translation>
        </message>
    </context>
    <context>
        <name>StockCard</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Retour à la liste</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Échap</translation>
        </message>
        <message>
            <source>Stock on hand</source>
            <translation>Stock disponible</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilisable</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consommation moyenne mensuelle</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Mois de stock</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Rupture prévue</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Commander au plus tard le</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>À risque de péremption</translation>
        </message>
        <message>
            <source>Maximum stock</source>
            <translation>Stock maximum</translation>
        </message>
        <message>
            <source>Order quantity</source>
            <translation>Quantité à commander</translation>
        </message>
        <message>
            <source>Movements</source>
            <translation>Mouvements</translation>
        </message>
        <message>
            <source>&amp;Movements</source>
            <translation>&amp;Mouvements</translation>
        </message>
        <message>
            <source>Lots</source>
            <translation>Lots</translation>
        </message>
        <message>
            <source>L&amp;ots</source>
            <translation>L&amp;ots</translation>
        </message>
        <message>
            <source>&amp;Chart</source>
            <translation>&amp;Graphique</translation>
        </message>
        <message>
            <source>E&amp;xplain</source>
            <translation>E&amp;xplications</translation>
        </message>
        <message>
            <source>Reading the months of consumption…</source>
            <translation>Lecture des mois de consommation…</translation>
        </message>
        <message>
            <source>Running balance after the last movement: {balance}</source>
            <translation>Solde après le dernier mouvement : {balance}</translation>
        </message>
        <message>
            <source>No lot of this product is in stock.</source>
            <translation>Aucun lot de ce produit n'est en stock.</translation>
        </message>
        <message>
            <source>{count} lots in stock.</source>
            <translation>{count} lots en stock.</translation>
        </message>
        <message>
            <source>{quantity} expired: remove them from the shelf and record the loss.</source>
            <translation>{quantity} périmés : retirez-les du rayon et enregistrez la perte.</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used at the usual consumption: offer them to another facility.</source>
            <translation>{quantity} arriveront à péremption avant d'être utilisés à la consommation habituelle : proposez-les à un autre établissement.</translation>
        </message>
        <message>
            <source>{code}: no stock status at this facility</source>
            <translation>{code} : aucun état de stock dans cet établissement</translation>
        </message>
        <message>
            <source>{code} · counted in {unit} · program {program}</source>
            <translation>{code} · compté en {unit} · programme {program}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>{quantity} périmés, non utilisables</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>inconnu</translation>
        </message>
        <message>
            <source>not within two years</source>
            <translation>pas dans les deux ans</translation>
        </message>
        <message>
            <source>{day} (late)</source>
            <translation>{day} (en retard)</translation>
        </message>
        <message>
            <source>Forecasting the consumption of {product}…</source>
            <translation>Prévision de la consommation de {product}…</translation>
        </message>
        <message>
            <source>No consumption has been recorded for this product.</source>
            <translation>Aucune consommation n'a été enregistrée pour ce produit.</translation>
        </message>
        <message>
            <source>The chart could not be drawn.</source>
            <translation>Le graphique n'a pas pu être tracé.</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>À risque</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Solde</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Inventorié</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Expired: do not issue</source>
            <translation>Périmé : ne pas distribuer</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Péremption</translation>
        </message>
        <message>
            <source>From / to</source>
            <translation>De / vers</translation>
        </message>
        <message>
            <source>In</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>Lot {lot}: {balance}</source>
            <translation>Lot {lot} : {balance}</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Recorded {stamp}</source>
            <translation>Enregistré le {stamp}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <source>Will expire before it is used</source>
            <translation>Arrivera à péremption avant d'être utilisé</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Rechercher :</translation>
        </message>
        <message>
            <source>Code or name (Ctrl+F)</source>
            <translation>Code ou nom (Ctrl+F)</translation>
        </message>
        <message>
            <source>&amp;Program:</source>
            <translation>&amp;Programme :</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatut :</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>Products in stock</source>
            <translation>Produits en stock</translation>
        </message>
        <message>
            <source>Reading the stock of {facility}…</source>
            <translation>Lecture du stock de {facility}…</translation>
        </message>
        <message>
            <source>Reading the stock…</source>
            <translation>Lecture du stock…</translation>
        </message>
        <message>
            <source>The stock could not be read.</source>
            <translation>Le stock n'a pas pu être lu.</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Tous les programmes</translation>
        </message>
        <message>
            <source>No program</source>
            <translation>Sans programme</translation>
        </message>
        <message>
            <source>{count} products. Enter opens the stock card of the product selected.</source>
            <translation>{count} produits. Entrée ouvre la fiche de stock du produit sélectionné.</translation>
        </message>
        <message>
            <source>{shown} of {count} products shown. Enter opens the stock card of the product selected.</source>
            <translation>{shown} produits affichés sur {count}. Entrée ouvre la fiche de stock du produit sélectionné.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>À risque</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Mois de stock</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>En stock</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Stockout</source>
            <translation>Rupture</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilisable</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>{quantity} périmés, non utilisables</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used</source>
            <translation>{quantity} arriveront à péremption avant d'être utilisés</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>UsersTab</name>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nom complet</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Nom d'utilisateur :</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>&amp;Rôle :</translation>
        </message>
        <message>
            <source>Works &amp;at:</source>
            <translation>&amp;Travaille à :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Create user</source>
            <translation>&amp;Créer l'utilisateur</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>Nouvel utilisateur</translation>
        </message>
        <message>
            <source>Choose a user in the list.</source>
            <translation>Choisissez un utilisateur dans la liste.</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>Nom comp&amp;let :</translation>
        </message>
        <message>
            <source>New rol&amp;e:</source>
            <translation>Nouv&amp;eau rôle :</translation>
        </message>
        <message>
            <source>New pass&amp;word:</source>
            <translation>Nouveau mot de pa&amp;sse :</translation>
        </message>
        <message>
            <source>They must change it when they sign in</source>
            <translation>L'utilisateur devra le changer à sa connexion</translation>
        </message>
        <message>
            <source>Change &amp;role</source>
            <translation>Chan&amp;ger le rôle</translation>
        </message>
        <message>
            <source>&amp;Set password</source>
            <translation>&amp;Définir le mot de passe</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>Désacti&amp;ver</translation>
        </message>
        <message>
            <source>Unloc&amp;k</source>
            <translation>Débl&amp;oquer</translation>
        </message>
        <message>
            <source>Selected user</source>
            <translation>Utilisateur sélectionné</translation>
        </message>
        <message>
            <source>A password has at least {min} characters and is not the user name. A new user chooses their own at first sign-in.</source>
            <translation>Un mot de passe comporte au moins {min} caractères et ne doit pas être le nom d'utilisateur. Un nouvel utilisateur choisit le sien à sa première connexion.</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Désactivé</translation>
        </message>
        <message>
            <source>Locked until {time}</source>
            <translation>Bloqué jusqu'à {time}</translation>
        </message>
        <message>
            <source>Must choose a password</source>
            <translation>Doit choisir un mot de passe</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <source>(the whole district)</source>
            <translation>(tout le district)</translation>
        </message>
        <message>
            <source>{user} can now sign in as {role}.</source>
            <translation>{user} peut maintenant se connecter en tant que {role}.</translation>
        </message>
        <message>
            <source>{user} ({name}): {state}</source>
            <translation>{user} ({name}) : {state}</translation>
        </message>
        <message>
            <source>Re&amp;activate</source>
            <translation>Ré&amp;activer</translation>
        </message>
        <message>
            <source>{user} is now {role}.</source>
            <translation>{user} a maintenant le rôle {role}.</translation>
        </message>
        <message>
            <source>The password of {user} was set; they must choose their own at their next sign-in.</source>
            <translation>Le mot de passe de {user} a été défini ; l'utilisateur devra choisir le sien à sa prochaine connexion.</translation>
        </message>
        <message>
            <source>{user} may sign in again.</source>
            <translation>{user} peut de nouveau se connecter.</translation>
        </message>
        <message>
            <source>{user} can no longer sign in; their records keep their name.</source>
            <translation>{user} ne peut plus se connecter ; ses enregistrements conservent son nom.</translation>
        </message>
        <message>
            <source>{user} is unlocked.</source>
            <translation>Compte de {user} débloqué.</translation>
        </message>
    </context>
</TS>
