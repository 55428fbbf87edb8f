<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>Admin</name>
        <message>
            <source>The code {code} is already used; choose it in the list to change it, or give another code.</source>
            <translation>El código {code} ya está en uso; selecciónelo en la lista para modificarlo o indique otro código.</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Saved {what}.</source>
            <translation>Se guardó: {what}.</translation>
        </message>
        <message>
            <source>Nothing was saved: please check the fields marked in red.</source>
            <translation>No se guardó nada: revise los campos marcados en rojo.</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Establecimientos</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Niveles de existencias</translation>
        </message>
        <message>
            <source>Programs and calculation</source>
            <translation>Programas y cálculo</translation>
        </message>
        <message>
            <source>Users and roles</source>
            <translation>Usuarios y roles</translation>
        </message>
        <message>
            <source>Backup and restore</source>
            <translation>Copia de seguridad y restauración</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administración</translation>
        </message>
        <message>
            <source>The administrator</source>
            <translation>El administrador</translation>
        </message>
        <message>
            <source>The administrator creates the other users and restores backups. Everyone gets their own account later.</source>
            <translation>El administrador crea a los demás usuarios y restaura las copias de seguridad. Después, cada persona tendrá su propia cuenta.</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nombre de &amp;usuario:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>Nombre co&amp;mpleto:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repetir contraseña:</translation>
        </message>
        <message>
            <source>for example akone</source>
            <translation>por ejemplo, mquispe</translation>
        </message>
        <message>
            <source>Write the password down and keep it in a safe place: nobody can read it back.</source>
            <translation>Anote la contraseña y guárdela en un lugar seguro: nadie podrá recuperarla.</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>Las dos contraseñas no coinciden. Escríbalas de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>BackupTab</name>
        <message>
            <source>Back up</source>
            <translation>Copia de seguridad</translation>
        </message>
        <message>
            <source>A backup is a copy of every record in one file. Keep one on a USB stick or another computer: if this computer is stolen or its disk fails, the records can be brought back from it.</source>
            <translation>Una copia de seguridad es una copia de todos los registros en un solo archivo. Guarde una en una memoria USB o en otra computadora: si roban esta computadora o falla su disco, los registros se pueden recuperar a partir de ella.</translation>
        </message>
        <message>
            <source>&amp;Back up now…</source>
            <translation>&amp;Hacer copia de seguridad ahora…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurar</translation>
        </message>
        <message>
            <source>Restoring replaces every record with those of a backup. The database as it is now is copied aside first, so a wrong restore can be undone. Everyone else must close StockDesk first.</source>
            <translation>Al restaurar, todos los registros se reemplazan por los de una copia de seguridad. Antes, la base de datos actual se copia aparte, de modo que una restauración equivocada se puede deshacer. Todos los demás usuarios deben cerrar StockDesk antes.</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Restaurar…</translation>
        </message>
        <message>
            <source>&amp;Close StockDesk</source>
            <translation>&amp;Cerrar StockDesk</translation>
        </message>
        <message>
            <source>This database is on a server: its administrator keeps its backups.</source>
            <translation>Esta base de datos está en un servidor: su administrador se encarga de las copias de seguridad.</translation>
        </message>
        <message>
            <source>StockDesk also copies the database every day when it starts, into {folder}</source>
            <translation>StockDesk también copia la base de datos cada día al iniciarse, en {folder}</translation>
        </message>
        <message>
            <source>Back up the database to</source>
            <translation>Guardar la copia de seguridad de la base de datos en</translation>
        </message>
        <message>
            <source>StockDesk backups (*.sqlite3 *.db);;All files (*)</source>
            <translation>Copias de seguridad de StockDesk (*.sqlite3 *.db);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Haciendo la copia de seguridad…</translation>
        </message>
        <message>
            <source>Backup written: {file} ({size} kB) at {time}.</source>
            <translation>Copia de seguridad guardada: {file} ({size} kB) a las {time}.</translation>
        </message>
        <message>
            <source>Restore the database from</source>
            <translation>Restaurar la base de datos desde</translation>
        </message>
        <message>
            <source>Reading the backup…</source>
            <translation>Leyendo la copia de seguridad…</translation>
        </message>
        <message>
            <source>{file} is a StockDesk backup with {facilities} facilities and {users} users.</source>
            <translation>{file} es una copia de seguridad de StockDesk con {facilities} establecimientos y {users} usuarios.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>¿Restaurar esta copia de seguridad?</translation>
        </message>
        <message>
            <source>{what}

Every record in StockDesk now will be replaced by those of the backup (the current database is copied aside first). Restore it?</source>
            <translation>{what}

Todos los registros actuales de StockDesk se reemplazarán por los de la copia de seguridad (antes, la base de datos actual se copia aparte). ¿Restaurarla?</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>No se restauró nada.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restaurando…</translation>
        </message>
        <message>
            <source>Restored from {file}. The database as it was before is kept in {safety}. StockDesk must now restart: close it and open it again.</source>
            <translation>Se restauró desde {file}. La base de datos anterior se conserva en {safety}. Ahora StockDesk debe reiniciarse: ciérrelo y ábralo de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <source>Which medicines and supplies will you manage?</source>
            <translation>¿Qué medicamentos e insumos va a gestionar?</translation>
        </message>
        <message>
            <source>Start with the &amp;starter catalogue of essential medicines (recommended)</source>
            <translation>Empezar con el &amp;catálogo inicial de medicamentos esenciales (recomendado)</translation>
        </message>
        <message>
            <source>Start with an &amp;empty catalogue and import your own list later</source>
            <translation>Empezar con un catálogo &amp;vacío e importar su propia lista más adelante</translation>
        </message>
        <message>
            <source>The starter catalogue holds a few hundred products of the WHO essential medicines list with programs, units and pack sizes. Products you do not stock stay out of the way, and the catalogue can be changed later. Press Finish to create everything.</source>
            <translation>El catálogo inicial contiene unos cientos de productos de la Lista de Medicamentos Esenciales de la OMS, con programas, unidades y tamaños de envase. Los productos que usted no maneja no estorban, y el catálogo puede modificarse más adelante. Pulse Finalizar para crearlo todo.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Choose your password</source>
            <translation>Elija su contraseña</translation>
        </message>
        <message>
            <source>{user}, your password was set by an administrator, who therefore knows it. Choose a new password that only you know.</source>
            <translation>{user}, su contraseña fue asignada por un administrador, que por lo tanto la conoce. Elija una nueva contraseña que solo usted conozca.</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Nueva contraseña:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Repítala:</translation>
        </message>
        <message>
            <source>&amp;Save password</source>
            <translation>&amp;Guardar contraseña</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>Las dos contraseñas no coinciden. Escríbalas de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>ConsumptionChart</name>
        <message>
            <source>Consumption and stock chart</source>
            <translation>Gráfico de consumo y existencias</translation>
        </message>
        <message>
            <source>Nothing to show.</source>
            <translation>No hay nada que mostrar.</translation>
        </message>
        <message>
            <source>{months} months of consumption, {reported} reported; projected stock at the end: {stock}.</source>
            <translation>{months} meses de consumo, {reported} informados; existencias proyectadas al final: {stock}.</translation>
        </message>
        <message>
            <source>Consumption</source>
            <translation>Consumo</translation>
        </message>
        <message>
            <source>This month so far</source>
            <translation>Este mes hasta hoy</translation>
        </message>
        <message>
            <source>Forecast</source>
            <translation>Pronóstico</translation>
        </message>
        <message>
            <source>Likely range ({percent} % of months)</source>
            <translation>Rango probable ({percent} % de los meses)</translation>
        </message>
        <message>
            <source>Projected usable stock</source>
            <translation>Existencias utilizables proyectadas</translation>
        </message>
        <message>
            <source>No month of consumption to show.</source>
            <translation>No hay ningún mes de consumo que mostrar.</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Consumption not reported</source>
            <translation>Consumo no informado</translation>
        </message>
        <message>
            <source>Consumed so far: {quantity}</source>
            <translation>Consumido hasta ahora: {quantity}</translation>
        </message>
        <message>
            <source>Consumed: {quantity}</source>
            <translation>Consumido: {quantity}</translation>
        </message>
        <message>
            <source>Days out of stock: {days}</source>
            <translation>Días de desabastecimiento: {days}</translation>
        </message>
        <message>
            <source>Forecast: {point} (between {lower} and {upper})</source>
            <translation>Pronóstico: {point} (entre {lower} y {upper})</translation>
        </message>
        <message>
            <source>Projected stock at the end of the month: {quantity}</source>
            <translation>Existencias proyectadas al final del mes: {quantity}</translation>
        </message>
        <message>
            <source>Expiring unused: {quantity}</source>
            <translation>Vencerá sin usarse: {quantity}</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Tablero</translation>
        </message>
        <message>
            <source>Open the &amp;requisition</source>
            <translation>Abrir el &amp;requerimiento</translation>
        </message>
        <message>
            <source>Requisition (R&amp;&amp;R)</source>
            <translation>Requerimiento (R&amp;&amp;R)</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <source>Runs out</source>
            <translation>Se agota</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Pedir</translation>
        </message>
        <message>
            <source>now, {days} days late</source>
            <translation>ahora, con {days} días de retraso</translation>
        </message>
        <message>
            <source>now</source>
            <translation>ahora</translation>
        </message>
        <message>
            <source>Ordered today, it arrives {days} days after the stock runs out.</source>
            <translation>Si se pide hoy, llega {days} días después de que se agoten las existencias.</translation>
        </message>
        <message>
            <source>Ordered today, it arrives just in time.</source>
            <translation>Si se pide hoy, llega justo a tiempo.</translation>
        </message>
        <message>
            <source>Products that, at their usual consumption, run out before an order placed today could arrive. Press Enter on one to open its stock card.</source>
            <translation>Productos que, con su consumo habitual, se agotan antes de que pueda llegar un pedido hecho hoy. Pulse Enter sobre uno para abrir su tarjeta de existencias.</translation>
        </message>
        <message>
            <source>Will run out before the next delivery</source>
            <translation>Se agotarán antes de la próxima entrega</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En riesgo</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used.</source>
            <translation>Vencerá antes de usarse: {quantity}.</translation>
        </message>
        <message>
            <source>Will be used before it expires, at the usual consumption.</source>
            <translation>Se usará antes de vencer, con el consumo habitual.</translation>
        </message>
        <message>
            <source>Expiring within {months} months</source>
            <translation>Vencen en los próximos {months} meses</translation>
        </message>
        <message>
            <source>Lots that expire within {months} months, earliest first. At risk: what will expire before it is used at the usual consumption; offer it to another facility.</source>
            <translation>Lotes que vencen en los próximos {months} meses, primero los más próximos a vencer. En riesgo: lo que vencerá antes de usarse con el consumo habitual; ofrézcalo a otro establecimiento.</translation>
        </message>
        <message>
            <source>Loading the dashboard…</source>
            <translation>Cargando el tablero…</translation>
        </message>
        <message>
            <source>Loading the dashboard</source>
            <translation>Cargando el tablero</translation>
        </message>
        <message>
            <source>{facility} on {day}</source>
            <translation>{facility} al {day}</translation>
        </message>
        <message>
            <source>One product has no consumption recorded yet, so its status is unknown: show it</source>
            <translation>Un producto aún no tiene consumo registrado, así que su estado se desconoce: mostrarlo</translation>
        </message>
        <message>
            <source>{count} products have no consumption recorded yet, so their status is unknown: show them</source>
            <translation>{count} productos aún no tienen consumo registrado, así que su estado se desconoce: mostrarlos</translation>
        </message>
        <message>
            <source>None: every product with stock lasts until an order placed today arrives.</source>
            <translation>Ninguno: todos los productos con existencias alcanzan hasta que llegue un pedido hecho hoy.</translation>
        </message>
        <message>
            <source>No lot expires within {months} months.</source>
            <translation>Ningún lote vence en los próximos {months} meses.</translation>
        </message>
        <message>
            <source>{program}: {status}</source>
            <translation>{program}: {status}</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} has been sent ({states}). The next one, for this month, is due by the {day} of next month.</source>
            <translation>El R&amp;R de {month} ya se envió ({states}). El siguiente, de este mes, debe enviarse a más tardar el {day} del próximo mes.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is being prepared ({states}). It is due by {due}.</source>
            <translation>El R&amp;R de {month} está en preparación ({states}). Debe enviarse a más tardar el {due}.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and is not sent yet ({states}).</source>
            <translation>El R&amp;R de {month} debía enviarse a más tardar el {due} y aún no se ha enviado ({states}).</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is due by {due}. It has not been started.</source>
            <translation>El R&amp;R de {month} debe enviarse a más tardar el {due}. Aún no se ha iniciado.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and has not been started.</source>
            <translation>El R&amp;R de {month} debía enviarse a más tardar el {due} y aún no se ha iniciado.</translation>
        </message>
        <message>
            <source>Show the products whose status is {status}</source>
            <translation>Mostrar los productos cuyo estado es: {status}</translation>
        </message>
        <message>
            <source>{status}: {count} products</source>
            <translation>{status}: {count} productos</translation>
        </message>
    </context>
    <context>
        <name>DemoPage</name>
        <message>
            <source>The demo district</source>
            <translation>El distrito de demostración</translation>
        </message>
        <message>
            <source>A made-up district to learn and try StockDesk.</source>
            <translation>Un distrito ficticio para aprender a usar StockDesk y probarlo.</translation>
        </message>
        <message>
            <source>StockDesk will create a district store, its health centres and hospitals, products and several years of daily stock records. This takes a minute or two on an older computer.

Then sign in as one of the demo users: {users}. Their password is: demo.

Do not use the demo for real stock: set up a new database for that.</source>
            <translation>StockDesk creará un almacén distrital, sus centros de salud y hospitales, productos y varios años de registros diarios de existencias. Esto tarda uno o dos minutos en una computadora antigua.

Luego inicie sesión como uno de los usuarios de demostración: {users}. Su contraseña es: demo.

No use la demostración para existencias reales: para eso, configure una base de datos nueva.</translation>
        </message>
    </context>
    <context>
        <name>DistrictPage</name>
        <message>
            <source>District</source>
            <translation>Distrito</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>Dis&amp;trito:</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Período:</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Todos los programas</translation>
        </message>
        <message>
            <source>P&amp;rogram:</source>
            <translation>P&amp;rograma:</translation>
        </message>
        <message>
            <source>&amp;Import folder…</source>
            <translation>I&amp;mportar carpeta…</translation>
        </message>
        <message>
            <source>&amp;Consolidate</source>
            <translation>&amp;Consolidar</translation>
        </message>
        <message>
            <source>&amp;Open requisition</source>
            <translation>A&amp;brir requerimiento</translation>
        </message>
        <message>
            <source>Reporting</source>
            <translation>Envío de informes</translation>
        </message>
        <message>
            <source>Import a folder of R&amp;R workbooks sent by the facilities: each file is checked and imported whole, or refused with the reasons.</source>
            <translation>Importe una carpeta de libros R&amp;R enviados por los establecimientos: cada archivo se verifica y se importa completo, o se rechaza indicando los motivos.</translation>
        </message>
        <message>
            <source>Problems of the selected file</source>
            <translation>Problemas del archivo seleccionado</translation>
        </message>
        <message>
            <source>Open the imported &amp;requisition</source>
            <translation>Abrir el requerimiento imp&amp;ortado</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importación</translation>
        </message>
        <message>
            <source>Consolidate sums the approved quantities of the period's requisitions into the district's order to the warehouse.</source>
            <translation>Consolidar suma las cantidades aprobadas de los requerimientos del período en el pedido del distrito al almacén.</translation>
        </message>
        <message>
            <source>&amp;Export warehouse order…</source>
            <translation>&amp;Exportar pedido al almacén…</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <source>&amp;Back to the district</source>
            <translation>&amp;Volver al distrito</translation>
        </message>
        <message>
            <source>{missing} of {count} facilities have not reported for {period}: {names}.</source>
            <translation>{missing} de {count} establecimientos no han enviado su informe de {period}: {names}.</translation>
        </message>
        <message>
            <source>All {count} facilities have reported for {period}.</source>
            <translation>Los {count} establecimientos enviaron su informe de {period}.</translation>
        </message>
        <message>
            <source>Folder of R&amp;R workbooks to import</source>
            <translation>Carpeta de libros R&amp;R para importar</translation>
        </message>
        <message>
            <source>The folder holds no Excel workbook (.xlsx).</source>
            <translation>La carpeta no contiene ningún libro de Excel (.xlsx).</translation>
        </message>
        <message>
            <source>Importing {count} files…</source>
            <translation>Importando {count} archivos…</translation>
        </message>
        <message>
            <source>The import was cancelled.</source>
            <translation>La importación se canceló.</translation>
        </message>
        <message>
            <source>Importing requisitions</source>
            <translation>Importando requerimientos</translation>
        </message>
        <message>
            <source>{imported} imported, {replaced} replaced, {skipped} already there, {refused} refused.</source>
            <translation>{imported} importados, {replaced} reemplazados, {skipped} ya existentes, {refused} rechazados.</translation>
        </message>
        <message>
            <source>{done} Cancelled: {left} of {count} files were not looked at and nothing of them was imported.</source>
            <translation>{done} Cancelado: {left} de {count} archivos no se revisaron y no se importó nada de ellos.</translation>
        </message>
        <message>
            <source>Problems of {file}: {count}</source>
            <translation>Problemas de {file}: {count}</translation>
        </message>
        <message>
            <source>Consolidating the district order</source>
            <translation>Consolidando el pedido del distrito</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs; no product has a price to cost the order.</source>
            <translation>{ordering} de {count} establecimientos hacen pedido, {products} productos, {packs} envases; ningún producto tiene precio para calcular el costo del pedido.</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs, total cost {cost}.</source>
            <translation>{ordering} de {count} establecimientos hacen pedido, {products} productos, {packs} envases, costo total {cost}.</translation>
        </message>
        <message>
            <source>Nothing approved to order for {period} yet: approve the facilities' requisitions first.</source>
            <translation>Aún no hay nada aprobado para pedir en {period}: primero apruebe los requerimientos de los establecimientos.</translation>
        </message>
        <message>
            <source>Not reported: {names}</source>
            <translation>Sin informe: {names}</translation>
        </message>
        <message>
            <source>Not yet approved: {names}</source>
            <translation>Aún no aprobados: {names}</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Libro de Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Order file for the warehouse, CSV (*.csv)</source>
            <translation>Archivo de pedido para el almacén, CSV (*.csv)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export the warehouse order</source>
            <translation>Exportar el pedido al almacén</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Guardado en {path}</translation>
        </message>
        <message>
            <source>Writing the warehouse order</source>
            <translation>Generando el pedido al almacén</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Ya importado</translation>
        </message>
        <message>
            <source>Approved (units)</source>
            <translation>Aprob. (unid.)</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Columna</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Costo</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Emergencia</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Errores</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Establecimientos</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Establecimiento</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>De un archivo</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importado</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <source>Made here</source>
            <translation>Creado aquí</translation>
        </message>
        <message>
            <source>Not reported</source>
            <translation>Sin informe</translation>
        </message>
        <message>
            <source>Not sent (draft)</source>
            <translation>No enviado (borrador)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Envases</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Recibido</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Rechazado</translation>
        </message>
        <message>
            <source>Replaced the earlier version</source>
            <translation>Reemplazó la versión anterior</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Fila</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Hoja</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>any program</source>
            <translation>cualquier programa</translation>
        </message>
    </context>
    <context>
        <name>EntryChecks</name>
        <message>
            <source>Choose a product.</source>
            <translation>Elija un producto.</translation>
        </message>
        <message>
            <source>Choose why the count differs from the book.</source>
            <translation>Elija por qué lo contado difiere del saldo registrado.</translation>
        </message>
        <message>
            <source>Line {line}, {column}: {problem}</source>
            <translation>Línea {line}, {column}: {problem}</translation>
        </message>
        <message>
            <source>Lot {lot} has expired: it cannot be issued.</source>
            <translation>El lote {lot} está vencido: no se puede entregar.</translation>
        </message>
        <message>
            <source>Lot {lot} has no stock here.</source>
            <translation>El lote {lot} no tiene existencias aquí.</translation>
        </message>
        <message>
            <source>No product matches “{text}”.</source>
            <translation>Ningún producto coincide con «{text}».</translation>
        </message>
        <message>
            <source>Not a date: type it as YYYY-MM-DD or MM/YYYY.</source>
            <translation>No es una fecha: escríbala como AAAA-MM-DD o MM/AAAA.</translation>
        </message>
        <message>
            <source>Only {available} can be taken: the balance may not go below zero.</source>
            <translation>Solo se puede retirar {available}: el saldo no puede quedar por debajo de cero.</translation>
        </message>
        <message>
            <source>This lot expired on {date}.</source>
            <translation>Este lote venció el {date}.</translation>
        </message>
        <message>
            <source>Type a whole number above zero.</source>
            <translation>Escriba un número entero mayor que cero.</translation>
        </message>
        <message>
            <source>Type at least one line.</source>
            <translation>Escriba al menos una línea.</translation>
        </message>
        <message>
            <source>Type the number counted (0 or more).</source>
            <translation>Escriba la cantidad contada (0 o más).</translation>
        </message>
        <message>
            <source>Type the number counted.</source>
            <translation>Escriba la cantidad contada.</translation>
        </message>
        <message>
            <source>Type the quantity.</source>
            <translation>Escriba la cantidad.</translation>
        </message>
        <message>
            <source>{count} products match “{text}”: choose one from the list.</source>
            <translation>{count} productos coinciden con «{text}»: elija uno de la lista.</translation>
        </message>
    </context>
    <context>
        <name>EntryGrid</name>
        <message>
            <source>Code, name or scan</source>
            <translation>Código, nombre o escaneo</translation>
        </message>
        <message>
            <source>YYYY-MM-DD or MM/YYYY</source>
            <translation>AAAA-MM-DD o MM/AAAA</translation>
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
            <translation>Saldo registrado</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Vencimiento</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>No product in the catalogue has the barcode {gtin}; type the product code, or ask the district to add the barcode.</source>
            <translation>Ningún producto del catálogo tiene el código de barras {gtin}; escriba el código del producto o pida al distrito que agregue el código de barras.</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>Suggested lot (FEFO)</source>
            <translation>Lote sugerido (FEFO)</translation>
        </message>
        <message>
            <source>This scan could not be read; scan it again or type the product code.</source>
            <translation>No se pudo leer el código escaneado; escanéelo de nuevo o escriba el código del producto.</translation>
        </message>
        <message>
            <source>Variance</source>
            <translation>Diferencia</translation>
        </message>
        <message>
            <source>Variance reason</source>
            <translation>Motivo de la diferencia</translation>
        </message>
        <message>
            <source>no lot</source>
            <translation>sin lote</translation>
        </message>
        <message>
            <source>no usable stock</source>
            <translation>sin existencias utilizables</translation>
        </message>
        <message>
            <source>{lot} (expires {expiry}): {balance}</source>
            <translation>{lot} (vence el {expiry}): {balance}</translation>
        </message>
        <message>
            <source>{lot}: {balance}, expires {expiry}</source>
            <translation>{lot}: {balance}, vence el {expiry}</translation>
        </message>
    </context>
    <context>
        <name>EntryPage</name>
        <message>
            <source>Entry</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>&amp;Receive</source>
            <translation>Re&amp;cepción</translation>
        </message>
        <message>
            <source>&amp;Issue</source>
            <translation>&amp;Salida</translation>
        </message>
        <message>
            <source>Transfer &amp;out</source>
            <translation>Transferencia de sa&amp;lida</translation>
        </message>
        <message>
            <source>Transfer i&amp;n</source>
            <translation>Transferencia de &amp;entrada</translation>
        </message>
        <message>
            <source>Physical &amp;count</source>
            <translation>Inven&amp;tario físico</translation>
        </message>
        <message>
            <source>Re&amp;verse a movement</source>
            <translation>Anular un mo&amp;vimiento</translation>
        </message>
        <message>
            <source>Tab or Enter: next cell · Enter on the last cell: new line · Delete: remove line · Esc: undo the cell · Ctrl+S: post</source>
            <translation>Tab o Enter: celda siguiente · Enter en la última celda: nueva línea · Supr: eliminar la línea · Esc: deshacer la celda · Ctrl+S: registrar</translation>
        </message>
        <message>
            <source>&amp;Post (Ctrl+S)</source>
            <translation>&amp;Registrar (Ctrl+S)</translation>
        </message>
        <message>
            <source>Lo&amp;ss</source>
            <translation>&amp;Pérdida</translation>
        </message>
        <message>
            <source>Ad&amp;justment</source>
            <translation>A&amp;juste</translation>
        </message>
        <message>
            <source>Print coun&amp;t sheet…</source>
            <translation>Imprimir &amp;hoja de conteo…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Limpiar</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Fecha:</translation>
        </message>
        <message>
            <source>R&amp;eference:</source>
            <translation>Refere&amp;ncia:</translation>
        </message>
        <message>
            <source>Re&amp;ason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Progra&amp;m:</source>
            <translation>Pro&amp;grama:</translation>
        </message>
        <message>
            <source>Why is this movement wrong?</source>
            <translation>¿Por qué es incorrecto este movimiento?</translation>
        </message>
        <message>
            <source>&amp;Why is it reversed:</source>
            <translation>&amp;Motivo de la anulación:</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Todos los programas</translation>
        </message>
        <message>
            <source>S&amp;upplier:</source>
            <translation>Pr&amp;oveedor:</translation>
        </message>
        <message>
            <source>Issued &amp;to:</source>
            <translation>Entregad&amp;o a:</translation>
        </message>
        <message>
            <source>&amp;To (facility or health worker):</source>
            <translation>Destin&amp;o (establecimiento o agente de salud):</translation>
        </message>
        <message>
            <source>Fro&amp;m (facility or health worker):</source>
            <translation>&amp;Origen (establecimiento o agente de salud):</translation>
        </message>
        <message>
            <source>Delivery note num&amp;ber:</source>
            <translation>Nú&amp;mero de guía de remisión:</translation>
        </message>
        <message>
            <source>Choose a reason</source>
            <translation>Elija un motivo</translation>
        </message>
        <message>
            <source>Choose the movement with the arrow keys, say why, then Ctrl+S posts its exact opposite.</source>
            <translation>Elija el movimiento con las teclas de flecha e indique el motivo; luego, Ctrl+S registra su opuesto exacto.</translation>
        </message>
        <message>
            <source>Type what you counted in Counted; a difference from the book needs a reason · Ctrl+S: post the count</source>
            <translation>Escriba lo que contó en Contado; una diferencia con el saldo registrado requiere un motivo · Ctrl+S: registrar el inventario</translation>
        </message>
        <message>
            <source>Loading the count sheet…</source>
            <translation>Cargando la hoja de conteo…</translation>
        </message>
        <message>
            <source>Save the count sheet</source>
            <translation>Guardar la hoja de conteo</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The count sheet was saved to {file}.</source>
            <translation>La hoja de conteo se guardó en {file}.</translation>
        </message>
        <message>
            <source>Writing the count sheet…</source>
            <translation>Generando la hoja de conteo…</translation>
        </message>
        <message>
            <source>Loading movements…</source>
            <translation>Cargando los movimientos…</translation>
        </message>
        <message>
            <source>Choose a reason.</source>
            <translation>Elija un motivo.</translation>
        </message>
        <message>
            <source>Choose the other facility, or type the health worker's name.</source>
            <translation>Elija el otro establecimiento o escriba el nombre del agente de salud.</translation>
        </message>
        <message>
            <source>Type at least one counted quantity.</source>
            <translation>Escriba al menos una cantidad contada.</translation>
        </message>
        <message>
            <source>Choose the movement to reverse.</source>
            <translation>Elija el movimiento que desea anular.</translation>
        </message>
        <message>
            <source>Say why this movement is reversed.</source>
            <translation>Indique por qué se anula este movimiento.</translation>
        </message>
        <message>
            <source>Posting…</source>
            <translation>Registrando…</translation>
        </message>
        <message>
            <source>{kind} posted as movement {id}: {lines} lines.</source>
            <translation>Se registró {kind} como movimiento {id}: {lines} líneas.</translation>
        </message>
        <message>
            <source>The difference from the book was posted as adjustment {ids}.</source>
            <translation>La diferencia con el saldo registrado se registró como ajuste {ids}.</translation>
        </message>
    </context>
    <context>
        <name>EntryReverse</name>
        <message>
            <source>By</source>
            <translation>Por</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>N.º</translation>
        </message>
        <message>
            <source>Other party</source>
            <translation>Contraparte</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <source>A count is corrected by a new physical count.</source>
            <translation>Un inventario se corrige con un nuevo inventario físico.</translation>
        </message>
        <message>
            <source>A physical count cannot be reversed: what was counted is corrected by posting a new physical count.</source>
            <translation>Un inventario físico no se puede anular: lo contado se corrige registrando un nuevo inventario físico.</translation>
        </message>
        <message>
            <source>Already reversed by movement {id}.</source>
            <translation>Ya anulado por el movimiento {id}.</translation>
        </message>
        <message>
            <source>Can it be reversed?</source>
            <translation>¿Se puede anular?</translation>
        </message>
        <message>
            <source>Choose a date on or after {date}.</source>
            <translation>Elija una fecha a partir del {date}.</translation>
        </message>
        <message>
            <source>Counted on {date}: choose a later date.</source>
            <translation>Contado el {date}: elija una fecha posterior.</translation>
        </message>
        <message>
            <source>Counted on {date}: correct it with a new physical count.</source>
            <translation>Contado el {date}: corríjalo con un nuevo inventario físico.</translation>
        </message>
        <message>
            <source>It cannot be reversed.</source>
            <translation>No se puede anular.</translation>
        </message>
        <message>
            <source>Movement {id} is dated {date}: its reversal cannot be dated before it. Choose a date on or after {date}.</source>
            <translation>El movimiento {id} tiene fecha {date}: su anulación no puede tener una fecha anterior. Elija una fecha a partir del {date}.</translation>
        </message>
        <message>
            <source>Movement {id} reverses movement {original}; to undo it, post the movement again.</source>
            <translation>El movimiento {id} anula el movimiento {original}; para deshacerlo, registre de nuevo el movimiento.</translation>
        </message>
        <message>
            <source>Movement {id} was already reversed by movement {by}; it cannot be reversed twice.</source>
            <translation>El movimiento {id} ya fue anulado por el movimiento {by}; no se puede anular dos veces.</translation>
        </message>
        <message>
            <source>This reverses movement {id}.</source>
            <translation>Esto anula el movimiento {id}.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count, so this movement can no longer be reversed: post a new physical count to correct the stock.</source>
            <translation>{product} se contó el {date}. No se puede registrar nada en la fecha de un inventario físico ni antes, así que este movimiento ya no se puede anular: registre un nuevo inventario físico para corregir las existencias.</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count: choose a date after {date} to reverse this movement.</source>
            <translation>{product} se contó el {date}. No se puede registrar nada en la fecha de un inventario físico ni antes: elija una fecha posterior al {date} para anular este movimiento.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Another StockDesk window or program is saving to the database. Wait a moment and try again.</source>
            <translation>Otra ventana de StockDesk u otro programa está guardando en la base de datos. Espere un momento e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The disk is full, so nothing was saved. Free some space (or move old backups to a USB stick) and try again.</source>
            <translation>El disco está lleno, así que no se guardó nada. Libere espacio (o mueva las copias de seguridad antiguas a una memoria USB) e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The database file cannot be written (it is read-only or on a locked drive). Nothing was saved. Ask whoever manages this computer.</source>
            <translation>No se puede escribir en el archivo de la base de datos (es de solo lectura o está en una unidad bloqueada). No se guardó nada. Consulte a la persona que administra esta computadora.</translation>
        </message>
        <message>
            <source>The database cannot be reached. Check that the drive or the district server is available, then try again.</source>
            <translation>No se puede acceder a la base de datos. Verifique que la unidad o el servidor del distrito esté disponible e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The file was not found: {file}</source>
            <translation>No se encontró el archivo: {file}</translation>
        </message>
        <message>
            <source>Please check</source>
            <translation>Por favor, verifique</translation>
        </message>
        <message>
            <source>Could not finish</source>
            <translation>No se pudo completar</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Algo salió mal</translation>
        </message>
        <message>
            <source>StockDesk met an unexpected error. Nothing half-done was saved. Use Copy details to send the details to your support person.</source>
            <translation>StockDesk encontró un error inesperado. No se guardó nada a medias. Use «Copiar detalles» para enviar los detalles a la persona que le brinda soporte técnico.</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Copiar detalles</translation>
        </message>
    </context>
    <context>
        <name>ExplainPanel</name>
        <message>
            <source>usable stock on hand</source>
            <translation>existencias utilizables disponibles</translation>
        </message>
        <message>
            <source>average monthly consumption</source>
            <translation>consumo promedio mensual</translation>
        </message>
        <message>
            <source>months of stock</source>
            <translation>meses de existencias</translation>
        </message>
        <message>
            <source>maximum months of stock</source>
            <translation>máximo de meses de existencias</translation>
        </message>
        <message>
            <source>minimum months of stock</source>
            <translation>mínimo de meses de existencias</translation>
        </message>
        <message>
            <source>emergency order point, in months of stock</source>
            <translation>punto de pedido de emergencia, en meses de existencias</translation>
        </message>
        <message>
            <source>maximum stock quantity</source>
            <translation>cantidad máxima de existencias</translation>
        </message>
        <message>
            <source>order quantity</source>
            <translation>cantidad a pedir</translation>
        </message>
        <message>
            <source>stock that will expire before it is used</source>
            <translation>existencias que vencerán antes de usarse</translation>
        </message>
        <message>
            <source>order quantity without the expiry check</source>
            <translation>cantidad a pedir sin la verificación de vencimiento</translation>
        </message>
        <message>
            <source>approved and not yet received</source>
            <translation>aprobado y aún no recibido</translation>
        </message>
        <message>
            <source>calculation profile</source>
            <translation>perfil de cálculo</translation>
        </message>
        <message>
            <source>months of the window</source>
            <translation>meses del período de cálculo</translation>
        </message>
        <message>
            <source>adjusted consumption of each month</source>
            <translation>consumo ajustado de cada mes</translation>
        </message>
        <message>
            <source>consumption of the month</source>
            <translation>consumo del mes</translation>
        </message>
        <message>
            <source>days out of stock in the month</source>
            <translation>días de desabastecimiento en el mes</translation>
        </message>
        <message>
            <source>days the month counts for</source>
            <translation>días que se consideran para el mes</translation>
        </message>
        <message>
            <source>month</source>
            <translation>mes</translation>
        </message>
        <message>
            <source>stock counted at the end of</source>
            <translation>existencias contadas al final de</translation>
        </message>
        <message>
            <source>forecast of each month</source>
            <translation>pronóstico de cada mes</translation>
        </message>
        <message>
            <source>deliveries expected before the stockout</source>
            <translation>entregas esperadas antes del desabastecimiento</translation>
        </message>
        <message>
            <source>the projection looks up to</source>
            <translation>la proyección abarca hasta</translation>
        </message>
        <message>
            <source>days the usable stock covers</source>
            <translation>días que cubren las existencias utilizables</translation>
        </message>
        <message>
            <source>projected stockout date</source>
            <translation>fecha prevista de desabastecimiento</translation>
        </message>
        <message>
            <source>today</source>
            <translation>hoy</translation>
        </message>
        <message>
            <source>lead time, in days</source>
            <translation>tiempo de entrega, en días</translation>
        </message>
        <message>
            <source>the order is already late</source>
            <translation>el pedido ya está atrasado</translation>
        </message>
        <message>
            <source>days late</source>
            <translation>días de retraso</translation>
        </message>
        <message>
            <source>next delivery</source>
            <translation>próxima entrega</translation>
        </message>
        <message>
            <source>stock must last until</source>
            <translation>las existencias deben alcanzar hasta</translation>
        </message>
        <message>
            <source>used before expiry</source>
            <translation>usado antes del vencimiento</translation>
        </message>
        <message>
            <source>at risk in this lot</source>
            <translation>en riesgo en este lote</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>rounded up to a whole unit</source>
            <translation>redondeado hacia arriba a la unidad entera</translation>
        </message>
        <message>
            <source>rounded half up to a whole unit</source>
            <translation>redondeado a la unidad más cercana (0,5 hacia arriba)</translation>
        </message>
        <message>
            <source>rounded half up to two decimals</source>
            <translation>redondeado a dos decimales (0,5 hacia arriba)</translation>
        </message>
        <message>
            <source>not rounded</source>
            <translation>sin redondeo</translation>
        </message>
        <message>
            <source>How each figure was computed</source>
            <translation>Cómo se calculó cada cifra</translation>
        </message>
        <message>
            <source>Open a product to see how its figures were computed.</source>
            <translation>Abra un producto para ver cómo se calcularon sus cifras.</translation>
        </message>
        <message>
            <source>How the figures of {product} were computed</source>
            <translation>Cómo se calcularon las cifras de {product}</translation>
        </message>
        <message>
            <source>Stock at the end of {day}.</source>
            <translation>Existencias al final del {day}.</translation>
        </message>
        <message>
            <source>Calculation profile: {profile} ({rule}).</source>
            <translation>Perfil de cálculo: {profile} ({rule}).</translation>
        </message>
        <message>
            <source>No stock levels are set for this program at this type of facility: StockDesk's default levels are used.</source>
            <translation>No hay niveles de existencias definidos para este programa en este tipo de establecimiento: se usan los niveles predeterminados de StockDesk.</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Advertencias</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de existencias</translation>
        </message>
        <message>
            <source>Shown to one decimal, rounded half up; more decimals only where one decimal would seem to cross a level.</source>
            <translation>Se muestra con un decimal, redondeado (0,5 hacia arriba); con más decimales solo cuando con uno solo parecería cruzar un nivel.</translation>
        </message>
        <message>
            <source>Maximum stock quantity (H)</source>
            <translation>Cantidad máxima de existencias (H)</translation>
        </message>
        <message>
            <source>Rounded half up to a whole unit.</source>
            <translation>Redondeado a la unidad más cercana (0,5 hacia arriba).</translation>
        </message>
        <message>
            <source>Order quantity (I)</source>
            <translation>Cantidad a pedir (I)</translation>
        </message>
        <message>
            <source>Never below zero: with enough stock nothing is ordered.</source>
            <translation>Nunca es menor que cero: con existencias suficientes no se pide nada.</translation>
        </message>
        <message>
            <source>Order quantity, not counting stock that will expire</source>
            <translation>Cantidad a pedir, sin contar las existencias que vencerán</translation>
        </message>
        <message>
            <source>Levels: maximum {max} months, minimum {min} months, emergency order point {eop} months of stock.</source>
            <translation>Niveles: máximo {max} meses, mínimo {min} meses, punto de pedido de emergencia {eop} meses de existencias.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Desabastecimiento previsto</translation>
        </message>
        <message>
            <source>Not within the projection</source>
            <translation>No ocurre dentro de la proyección</translation>
        </message>
        <message>
            <source>from the day after {start} up to {end}.</source>
            <translation>desde el día siguiente al {start} hasta el {end}.</translation>
        </message>
        <message>
            <source>Whole days: the first day the demand cannot be met in full.</source>
            <translation>Días enteros: el primer día en que la demanda no puede atenderse por completo.</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Fecha límite de pedido</translation>
        </message>
        <message>
            <source>Quantity at risk of expiry</source>
            <translation>Cantidad en riesgo de vencer</translation>
        </message>
        <message>
            <source>lots expiring up to {day}, used first-expiry-first-out at the average monthly consumption.</source>
            <translation>lotes que vencen hasta el {day}, usados según «primero en vencer, primero en salir» al consumo promedio mensual.</translation>
        </message>
        <message>
            <source>Whole units.</source>
            <translation>Unidades enteras.</translation>
        </message>
        <message>
            <source>Known from monthly reports only: no lots, so no expiry dates.</source>
            <translation>Conocido solo por los informes mensuales: sin lotes y, por lo tanto, sin fechas de vencimiento.</translation>
        </message>
        <message>
            <source>the {count} complete months of the window: {months}.</source>
            <translation>los {count} meses completos del período de cálculo: {months}.</translation>
        </message>
        <message>
            <source>No month of consumption reported in the window.</source>
            <translation>Ningún mes con consumo informado en el período de cálculo.</translation>
        </message>
        <message>
            <source>Each month's N is {n}; the average P is {p}.</source>
            <translation>El N de cada mes es {n}; el promedio P es {p}.</translation>
        </message>
        <message>
            <source>Average monthly consumption (AMC)</source>
            <translation>Consumo promedio mensual (CPM)</translation>
        </message>
        <message>
            <source>Adjusted consumption N per month</source>
            <translation>Consumo ajustado N por mes</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <source>Consumed (C)</source>
            <translation>Consumido (C)</translation>
        </message>
        <message>
            <source>Days out (X)</source>
            <translation>Días desabast. (X)</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Fórmula</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <source>A month with days out of stock is scaled up to what it would have been with stock every day: {rule}.</source>
            <translation>Un mes con días de desabastecimiento se ajusta al alza a lo que habría sido con existencias todos los días: {rule}.</translation>
        </message>
        <message>
            <source>Window: {window}</source>
            <translation>Período de cálculo: {window}</translation>
        </message>
        <message>
            <source>Rounding: {rounding}</source>
            <translation>Redondeo: {rounding}</translation>
        </message>
    </context>
    <context>
        <name>FacilitiesTab</name>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Distrito</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Región</translation>
        </message>
        <message>
            <source>Supplied by</source>
            <translation>Abastecido por</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>&amp;New facility</source>
            <translation>&amp;Nuevo establecimiento</translation>
        </message>
        <message>
            <source>Sa&amp;ve facility</source>
            <translation>&amp;Guardar establecimiento</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>N&amp;ombre:</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Tipo:</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;Distrito:</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>&amp;Región:</translation>
        </message>
        <message>
            <source>Supplied &amp;by:</source>
            <translation>&amp;Abastecido por:</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>En &amp;uso:</translation>
        </message>
        <message>
            <source>Open and reporting</source>
            <translation>Abierto y enviando informes</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Por qué (se guarda en el registro de auditoría)</translation>
        </message>
        <message>
            <source>Code, name or district</source>
            <translation>Código, nombre o distrito</translation>
        </message>
        <message>
            <source>(nobody: supplied from outside the district)</source>
            <translation>(ninguno: abastecido desde fuera del distrito)</translation>
        </message>
        <message>
            <source>New facility</source>
            <translation>Nuevo establecimiento</translation>
        </message>
        <message>
            <source>Facility {code}</source>
            <translation>Establecimiento {code}</translation>
        </message>
    </context>
    <context>
        <name>FacilityType</name>
        <message>
            <source>Health centre</source>
            <translation>Centro de salud</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <source>District store</source>
            <translation>Almacén distrital</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Saving facilities and products…</source>
            <translation>Guardando establecimientos y productos…</translation>
        </message>
        <message>
            <source>Creating the demo users…</source>
            <translation>Creando los usuarios de demostración…</translation>
        </message>
        <message>
            <source>Simulating months of daily work…</source>
            <translation>Simulando meses de trabajo diario…</translation>
        </message>
        <message>
            <source>Writing the stock cards…</source>
            <translation>Generando las tarjetas de existencias…</translation>
        </message>
        <message>
            <source>Creating the facility, the administrator and the catalogue…</source>
            <translation>Creando el establecimiento, el administrador y el catálogo…</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>StockDesk: first start</source>
            <translation>StockDesk: primer inicio</translation>
        </message>
        <message>
            <source>Building the demo district</source>
            <translation>Creando el distrito de demostración</translation>
        </message>
        <message>
            <source>Setting up StockDesk</source>
            <translation>Configurando StockDesk</translation>
        </message>
        <message>
            <source>Please check what is marked in red on the earlier pages.</source>
            <translation>Revise lo que está marcado en rojo en las páginas anteriores.</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Bring in records exported from another system or a spreadsheet. Each file is imported whole or not at all: if one of its rows has an error, nothing of that file is saved. A file imported before is recognised and changes nothing.</source>
            <translation>Importe datos exportados de otro sistema o de una hoja de cálculo. Cada archivo se importa completo o no se importa: si una de sus filas tiene un error, no se guarda nada de ese archivo. Un archivo ya importado se reconoce y no cambia nada.</translation>
        </message>
        <message>
            <source>&amp;What the files hold:</source>
            <translation>&amp;Contenido de los archivos:</translation>
        </message>
        <message>
            <source>&amp;Choose files…</source>
            <translation>E&amp;legir archivos…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Filas</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Gravedad</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Hoja</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Fila</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Columna</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>File&amp;s:</source>
            <translation>Archi&amp;vos:</translation>
        </message>
        <message>
            <source>&amp;Problems in the selected file (row and column as the spreadsheet shows them):</source>
            <translation>&amp;Problemas del archivo seleccionado (fila y columna como las muestra la hoja de cálculo):</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Establecimientos</translation>
        </message>
        <message>
            <source>Product catalogue</source>
            <translation>Catálogo de productos</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Niveles de existencias</translation>
        </message>
        <message>
            <source>Ledger transactions</source>
            <translation>Transacciones del registro</translation>
        </message>
        <message>
            <source>Monthly history (LMIS reports)</source>
            <translation>Historial mensual (informes del SIGL)</translation>
        </message>
        <message>
            <source>One row per facility: its code, name, type (health centre, hospital or district store), district, region and the code of the facility that supplies it. A facility already known is updated.</source>
            <translation>Una fila por establecimiento: su código, nombre, tipo (centro de salud, hospital o almacén distrital), distrito, región y el código del establecimiento que lo abastece. Un establecimiento ya conocido se actualiza.</translation>
        </message>
        <message>
            <source>One row per product: code, name, strength, form, dispensing unit, pack size, price per pack, program, ATC code and barcode (GTIN). A product already known is updated.</source>
            <translation>Una fila por producto: código, nombre, concentración, forma, unidad de dispensación, tamaño del empaque, precio por empaque, programa, código ATC y código de barras (GTIN). Un producto ya conocido se actualiza.</translation>
        </message>
        <message>
            <source>One row per program and facility type: maximum, minimum and emergency order point in months of stock, lead time and review period in months.</source>
            <translation>Una fila por programa y tipo de establecimiento: máximo, mínimo y punto de pedido de emergencia en meses de existencias, tiempo de entrega y período de revisión en meses.</translation>
        </message>
        <message>
            <source>One row per stock movement: date, facility code, product code, kind (receipt, issue, loss, adjustment, transfer or physical count) and quantity; lot, expiry, reason and reference when known.</source>
            <translation>Una fila por movimiento de existencias: fecha, código del establecimiento, código del producto, tipo (recepción, salida, pérdida, ajuste, transferencia o inventario físico) y cantidad; lote, vencimiento, motivo y referencia cuando se conocen.</translation>
        </message>
        <message>
            <source>One row per facility, product and month: opening balance (A), received (B), consumed (C), losses and adjustments (D), closing balance (E) and stockout days (X).</source>
            <translation>Una fila por establecimiento, producto y mes: saldo inicial (A), cantidad recibida (B), cantidad consumida (C), pérdidas y ajustes (D), saldo final (E) y días de desabastecimiento (X).</translation>
        </message>
        <message>
            <source>Columns (* required): {columns}. Common other headers are recognised too; dates are YYYY-MM-DD or DD/MM/YYYY, months YYYY-MM.</source>
            <translation>Columnas (* obligatorias): {columns}. También se reconocen otros encabezados comunes; las fechas son AAAA-MM-DD o DD/MM/AAAA, los meses AAAA-MM.</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importado</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Ya importado</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Rechazado</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>No importado</translation>
        </message>
        <message>
            <source>Choose the files to import</source>
            <translation>Elegir los archivos a importar</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
            <translation>Hojas de cálculo (*.csv *.xlsx);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importando…</translation>
        </message>
        <message>
            <source>Importing {file} (file {number} of {count})…</source>
            <translation>Importando {file} (archivo {number} de {count})…</translation>
        </message>
        <message>
            <source>Importing {kind}…</source>
            <translation>Importando: {kind}…</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}. A file not imported changed nothing: correct the rows listed below and import it again.</source>
            <translation>Archivos importados: {imported} de {count}. Un archivo no importado no cambió nada: corrija las filas indicadas abajo e impórtelo de nuevo.</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}.</source>
            <translation>Archivos importados: {imported} de {count}.</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing changed.</source>
            <translation>La importación fue cancelada; no cambió nada.</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Receipt</source>
            <translation>Recepción</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Salida</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>Pérdida</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>Transferencia de entrada</translation>
        </message>
        <message>
            <source>Transfer out</source>
            <translation>Transferencia de salida</translation>
        </message>
        <message>
            <source>Physical count</source>
            <translation>Inventario físico</translation>
        </message>
        <message>
            <source>Reversal</source>
            <translation>Anulación</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to StockDesk</source>
            <translation>Le damos la bienvenida a StockDesk</translation>
        </message>
        <message>
            <source>This computer has no StockDesk data yet. A few questions, and it is ready.</source>
            <translation>Esta computadora aún no tiene datos de StockDesk. Responda unas pocas preguntas y estará lista.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Idioma:</translation>
        </message>
        <message>
            <source>How do you want to start?</source>
            <translation>¿Cómo desea empezar?</translation>
        </message>
        <message>
            <source>&amp;Set up this computer for a health facility or a district office</source>
            <translation>&amp;Configurar esta computadora para un establecimiento de salud o una oficina distrital</translation>
        </message>
        <message>
            <source>&amp;Try StockDesk with a demo district (training; made-up data)</source>
            <translation>&amp;Probar StockDesk con un distrito de demostración (capacitación; datos ficticios)</translation>
        </message>
    </context>
    <context>
        <name>LanguageTab</name>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Idioma:</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>&amp;Warn of expiry within:</source>
            <translation>&amp;Avisar de vencimientos en los próximos:</translation>
        </message>
        <message>
            <source>The language changes at once for every screen. Lots expiring within the warning horizon are shown at risk in the stock screens and the expiry report.</source>
            <translation>El idioma cambia de inmediato en todas las pantallas. Los lotes que vencen dentro del plazo de aviso se muestran en riesgo en las pantallas de existencias y en el informe de riesgo de vencimiento.</translation>
        </message>
    </context>
    <context>
        <name>LevelsTab</name>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Facility type</source>
            <translation>Tipo de establ.</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Máximo</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>Mínimo</translation>
        </message>
        <message>
            <source>Emergency point</source>
            <translation>Punto de emergencia</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>Tiempo de entrega</translation>
        </message>
        <message>
            <source>Review period</source>
            <translation>Período de revisión</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Definido</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>default</source>
            <translation>predeterminado</translation>
        </message>
        <message>
            <source>Not set yet: the default levels apply until you save them.</source>
            <translation>Aún no definidos: se aplican los niveles predeterminados hasta que los guarde.</translation>
        </message>
        <message>
            <source>Sa&amp;ve levels</source>
            <translation>&amp;Guardar niveles</translation>
        </message>
        <message>
            <source>Ma&amp;ximum stock:</source>
            <translation>Existencias má&amp;ximas:</translation>
        </message>
        <message>
            <source>Mi&amp;nimum stock:</source>
            <translation>Existencias mí&amp;nimas:</translation>
        </message>
        <message>
            <source>&amp;Emergency order point:</source>
            <translation>Punto de pedido de &amp;emergencia:</translation>
        </message>
        <message>
            <source>Lead &amp;time:</source>
            <translation>&amp;Tiempo de entrega:</translation>
        </message>
        <message>
            <source>Review &amp;period:</source>
            <translation>&amp;Período de revisión:</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Por qué (se guarda en el registro de auditoría)</translation>
        </message>
        <message>
            <source>Levels are in months of stock. Order up to the maximum at each review; below the minimum, order now; below the emergency order point, order an emergency delivery. The minimum is usually lead time + safety stock.</source>
            <translation>Los niveles se expresan en meses de existencias. En cada revisión, pida hasta el máximo; por debajo del mínimo, pida de inmediato; por debajo del punto de pedido de emergencia, pida una entrega de emergencia. El mínimo suele ser el tiempo de entrega + las existencias de seguridad.</translation>
        </message>
        <message>
            <source>Choose a program and facility type in the list.</source>
            <translation>Elija un programa y un tipo de establecimiento en la lista.</translation>
        </message>
        <message>
            <source>Levels of {program} at a {type}</source>
            <translation>Niveles de {program} para {type}</translation>
        </message>
        <message>
            <source>The minimum ({min} months) is above the maximum ({max} months): check both.</source>
            <translation>El mínimo ({min} meses) es mayor que el máximo ({max} meses): revise ambos.</translation>
        </message>
        <message>
            <source>The emergency order point ({eop} months) should be below the minimum ({min} months).</source>
            <translation>El punto de pedido de emergencia ({eop} meses) debería ser menor que el mínimo ({min} meses).</translation>
        </message>
        <message>
            <source>Saved {what}, with a warning: see the fields marked.</source>
            <translation>Se guardó: {what}, con una advertencia: vea los campos marcados.</translation>
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
            <translation>Establecimiento</translation>
        </message>
        <message>
            <source>&amp;Facility:</source>
            <translation>&amp;Establecimiento:</translation>
        </message>
        <message>
            <source>{user} ({role})</source>
            <translation>{user} ({role})</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>Base de datos: {where}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>&amp;Cerrar sesión</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>I&amp;dioma</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;About StockDesk</source>
            <translation>&amp;Acerca de StockDesk</translation>
        </message>
        <message>
            <source>About StockDesk</source>
            <translation>Acerca de StockDesk</translation>
        </message>
        <message>
            <source>StockDesk {version}
Stock management of essential medicines for health facilities and district offices.</source>
            <translation>StockDesk {version}
Gestión de existencias de medicamentos esenciales para establecimientos de salud y oficinas distritales.</translation>
        </message>
    </context>
    <context>
        <name>NewRequisitionDialog</name>
        <message>
            <source>New requisition</source>
            <translation>Nuevo requerimiento</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Período:</translation>
        </message>
        <message>
            <source>P&amp;rogram:</source>
            <translation>P&amp;rograma:</translation>
        </message>
        <message>
            <source>&amp;Emergency requisition (outside the monthly cycle)</source>
            <translation>Requerimiento de &amp;emergencia (fuera del ciclo mensual)</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Crear</translation>
        </message>
    </context>
    <context>
        <name>Operation</name>
        <message>
            <source>approve requisitions</source>
            <translation>aprobar requerimientos</translation>
        </message>
        <message>
            <source>authorize requisitions</source>
            <translation>autorizar requerimientos</translation>
        </message>
        <message>
            <source>build the demo district</source>
            <translation>crear el distrito de demostración</translation>
        </message>
        <message>
            <source>change facilities, products or stock levels</source>
            <translation>modificar establecimientos, productos o niveles de existencias</translation>
        </message>
        <message>
            <source>import facilities</source>
            <translation>importar establecimientos</translation>
        </message>
        <message>
            <source>import facilities' requisitions</source>
            <translation>importar requerimientos de los establecimientos</translation>
        </message>
        <message>
            <source>import ledger transactions</source>
            <translation>importar movimientos del registro de existencias</translation>
        </message>
        <message>
            <source>import monthly history</source>
            <translation>importar el historial mensual</translation>
        </message>
        <message>
            <source>import stock levels</source>
            <translation>importar niveles de existencias</translation>
        </message>
        <message>
            <source>import the product catalogue</source>
            <translation>importar el catálogo de productos</translation>
        </message>
        <message>
            <source>make backups</source>
            <translation>hacer copias de seguridad</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>administrar usuarios</translation>
        </message>
        <message>
            <source>mark requisitions as issued</source>
            <translation>marcar requerimientos como atendidos</translation>
        </message>
        <message>
            <source>prepare requisitions</source>
            <translation>preparar requerimientos</translation>
        </message>
        <message>
            <source>read the audit log</source>
            <translation>consultar el registro de auditoría</translation>
        </message>
        <message>
            <source>record stock movements</source>
            <translation>registrar movimientos de existencias</translation>
        </message>
        <message>
            <source>reject requisitions</source>
            <translation>rechazar requerimientos</translation>
        </message>
        <message>
            <source>restore a backup</source>
            <translation>restaurar una copia de seguridad</translation>
        </message>
        <message>
            <source>reverse stock movements</source>
            <translation>anular movimientos de existencias</translation>
        </message>
        <message>
            <source>see stock</source>
            <translation>ver las existencias</translation>
        </message>
        <message>
            <source>submit requisitions</source>
            <translation>enviar requerimientos</translation>
        </message>
    </context>
    <context>
        <name>OutlookTab</name>
        <message>
            <source>Facility or product</source>
            <translation>Establecimiento o producto</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Every status</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>E&amp;stado:</translation>
        </message>
        <message>
            <source>Show &amp;every product</source>
            <translation>Mostrar todos los prod&amp;uctos</translation>
        </message>
        <message>
            <source>Also list the products that need no action: stock adequate and a stockout before the next delivery unlikely</source>
            <translation>Listar también los productos que no requieren acción: existencias adecuadas y desabastecimiento antes de la próxima entrega poco probable</translation>
        </message>
        <message>
            <source>Co&amp;mpute</source>
            <translation>Ca&amp;lcular</translation>
        </message>
        <message>
            <source>Forecast every product of every facility of the district</source>
            <translation>Pronosticar cada producto de cada establecimiento del distrito</translation>
        </message>
        <message>
            <source>Press Compute to forecast every product of every facility of the district and list what needs action, most urgent first.</source>
            <translation>Presione Calcular para pronosticar cada producto de cada establecimiento del distrito y listar lo que requiere acción, lo más urgente primero.</translation>
        </message>
        <message>
            <source>Enter: open the stock card of this product at this facility</source>
            <translation>Enter: abrir la tarjeta de existencias de este producto en este establecimiento</translation>
        </message>
        <message>
            <source>Choose a district first.</source>
            <translation>Elija primero un distrito.</translation>
        </message>
        <message>
            <source>Forecasting {district}…</source>
            <translation>Pronosticando {district}…</translation>
        </message>
        <message>
            <source>Forecasting the district…</source>
            <translation>Pronosticando el distrito…</translation>
        </message>
        <message>
            <source>Press Compute to forecast this district.</source>
            <translation>Presione Calcular para pronosticar este distrito.</translation>
        </message>
        <message>
            <source>The forecast was cancelled.</source>
            <translation>El pronóstico fue cancelado.</translation>
        </message>
        <message>
            <source>The forecast could not be computed.</source>
            <translation>No se pudo calcular el pronóstico.</translation>
        </message>
        <message>
            <source>{summary} Stock has changed since: press Compute for fresh figures.</source>
            <translation>{summary} Las existencias cambiaron desde entonces: presione Calcular para obtener cifras actualizadas.</translation>
        </message>
        <message>
            <source>{district} at the end of {day}: {count} of {series} facility × product need action.</source>
            <translation>{district} al cierre del {day}: {count} de {series} establecimiento × producto requieren acción.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CPM</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consumo promedio mensual</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Establecimiento</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de existencias</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <source>Outlook</source>
            <translation>Perspectiva</translation>
        </message>
        <message>
            <source>Probability of running out before the next delivery arrives</source>
            <translation>Probabilidad de desabastecimiento antes de que llegue la próxima entrega</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Desabastecimiento previsto</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout risk</source>
            <translation>Riesgo de desabastecimiento</translation>
        </message>
        <message>
            <source>Suggested order</source>
            <translation>Pedido sugerido</translation>
        </message>
        <message>
            <source>Usable stock</source>
            <translation>Existencias</translation>
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
            <translation>Esta computadora</translation>
        </message>
        <message>
            <source>Which place does this computer keep the stock of? Use the code the district uses for it.</source>
            <translation>¿De qué lugar lleva esta computadora las existencias? Use el código que le asigna el distrito.</translation>
        </message>
        <message>
            <source>This computer serves:</source>
            <translation>Esta computadora atiende a:</translation>
        </message>
        <message>
            <source>A &amp;health facility (health centre or hospital)</source>
            <translation>Un &amp;establecimiento de salud (centro de salud u hospital)</translation>
        </message>
        <message>
            <source>A district &amp;office (the district store and its facilities)</source>
            <translation>Una &amp;oficina distrital (el almacén distrital y sus establecimientos)</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>T&amp;ype:</source>
            <translation>&amp;Tipo:</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;Distrito:</translation>
        </message>
        <message>
            <source>for example HC-012</source>
            <translation>por ejemplo, CS-012</translation>
        </message>
        <message>
            <source>for example Riverside Health Centre</source>
            <translation>por ejemplo, Centro de Salud La Ribera</translation>
        </message>
        <message>
            <source>for example North District Medical Store</source>
            <translation>por ejemplo, Almacén de Medicamentos del Distrito Norte</translation>
        </message>
        <message>
            <source>Type the code of this place.</source>
            <translation>Escriba el código de este lugar.</translation>
        </message>
        <message>
            <source>The code has at most 32 characters.</source>
            <translation>El código tiene como máximo 32 caracteres.</translation>
        </message>
        <message>
            <source>Type the name of this place.</source>
            <translation>Escriba el nombre de este lugar.</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>R&amp;R format version {version!r} is not known to this StockDesk (known: {known}); install a newer version</source>
            <translation>la versión {version!r} del formato R&amp;R no es conocida por este StockDesk (conocidas: {known}); instale una versión más reciente</translation>
        </message>
        <message>
            <source>a PostgreSQL database is restored by the server's administrator with pg_restore, not by StockDesk</source>
            <translation>una base de datos PostgreSQL la restaura el administrador del servidor con pg_restore, no StockDesk</translation>
        </message>
        <message>
            <source>a different version of {facility}'s {program} R&amp;R for {period} is already here ({status}); import with --replace to replace it</source>
            <translation>ya existe aquí otra versión del R&amp;R {program} de {facility} para {period} ({status}); importe con --replace para reemplazarla</translation>
        </message>
        <message>
            <source>a lot (batch number) is required for {product}</source>
            <translation>se requiere un lote (número de lote) para {product}</translation>
        </message>
        <message>
            <source>a movement needs at least one line</source>
            <translation>un movimiento necesita al menos una línea</translation>
        </message>
        <message>
            <source>a reason is required for {kind}</source>
            <translation>{kind}: se requiere un motivo</translation>
        </message>
        <message>
            <source>a report covers 1 to {most} months, not {months}</source>
            <translation>un informe abarca de 1 a {most} meses, no {months}</translation>
        </message>
        <message>
            <source>a reversal needs a reason</source>
            <translation>una anulación necesita un motivo</translation>
        </message>
        <message>
            <source>a reversal of movement {id} cannot be dated {date}, before the movement itself ({original})</source>
            <translation>la anulación del movimiento {id} no puede tener fecha {date}, anterior al propio movimiento ({original})</translation>
        </message>
        <message>
            <source>a transfer needs the other facility or community health worker</source>
            <translation>una transferencia debe indicar el otro establecimiento o el agente comunitario de salud</translation>
        </message>
        <message>
            <source>a user name has 2 to 64 letters, digits, dots, dashes or underscores, got {value!r}</source>
            <translation>un nombre de usuario tiene de 2 a 64 letras, dígitos, puntos, guiones o guiones bajos; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>a user named {user} already exists</source>
            <translation>ya existe un usuario llamado {user}</translation>
        </message>
        <message>
            <source>and {count} more problem(s) not shown ({errors} of them errors)</source>
            <translation>y {count} problema(s) más no mostrado(s) (de ellos, {errors} son errores)</translation>
        </message>
        <message>
            <source>cannot take {quantity} of {product}{lot_text} on {date}: the usable balance is {balance}</source>
            <translation>no se puede retirar {quantity} de {product}{lot_text} el {date}: el saldo utilizable es {balance}</translation>
        </message>
        <message>
            <source>column {column!r} appears twice</source>
            <translation>la columna {column!r} aparece dos veces</translation>
        </message>
        <message>
            <source>columns {first!r} and {column!r} both give {field}; keep one</source>
            <translation>las columnas {first!r} y {column!r} indican ambas {field}; conserve solo una</translation>
        </message>
        <message>
            <source>date {date} is in the future (today is {today})</source>
            <translation>la fecha {date} está en el futuro (hoy es {today})</translation>
        </message>
        <message>
            <source>forecast months must be between 1 and {most}, got {months}</source>
            <translation>los meses de pronóstico deben estar entre 1 y {most}; valor recibido: {months}</translation>
        </message>
        <message>
            <source>levels for {program} at {facility_type} look inconsistent: {detail}; imported as given</source>
            <translation>los niveles de {program} para {facility_type} parecen incoherentes: {detail}; se importaron tal cual</translation>
        </message>
        <message>
            <source>lot {lot} of {product} expired on {expiry}: it cannot be issued on {date}</source>
            <translation>el lote {lot} de {product} venció el {expiry}: no se puede entregar el {date}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} has no stock at {facility}</source>
            <translation>el lote {lot} de {product} no tiene existencias en {facility}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is counted twice</source>
            <translation>el lote {lot} de {product} está contado dos veces</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is recorded with expiry {known}, not {given}</source>
            <translation>el lote {lot} de {product} está registrado con fecha de vencimiento {known}, no {given}</translation>
        </message>
        <message>
            <source>missing column(s): {columns}</source>
            <translation>columna(s) faltante(s): {columns}</translation>
        </message>
        <message>
            <source>movement {id} does not exist</source>
            <translation>el movimiento {id} no existe</translation>
        </message>
        <message>
            <source>movement {id} is itself a reversal; post a new movement instead</source>
            <translation>el movimiento {id} ya es una anulación; en su lugar, registre un nuevo movimiento</translation>
        </message>
        <message>
            <source>movement {id} was already reversed by movement {by}</source>
            <translation>el movimiento {id} ya fue anulado por el movimiento {by}</translation>
        </message>
        <message>
            <source>name a facility or a district, not both and not neither</source>
            <translation>indique un establecimiento o un distrito (uno de los dos, ni ambos ni ninguno)</translation>
        </message>
        <message>
            <source>no facility is in a district named {name!r}</source>
            <translation>ningún establecimiento pertenece a un distrito llamado {name!r}</translation>
        </message>
        <message>
            <source>opening {a} + received {b} + losses/adjustments {d} - consumed {c} = {expected}, but closing balance is {e}</source>
            <translation>saldo inicial {a} + recibido {b} + pérdidas/ajustes {d} - consumido {c} = {expected}, pero el saldo final es {e}</translation>
        </message>
        <message>
            <source>period {period!r} is neither a month (YYYY-MM) nor a quarter (YYYY-Qn)</source>
            <translation>el período {period!r} no es un mes (AAAA-MM) ni un trimestre (AAAA-Qn)</translation>
        </message>
        <message>
            <source>pg_dump was not found on PATH: install the PostgreSQL client tools, or ask the server's administrator to back up the database</source>
            <translation>no se encontró pg_dump en el PATH: instale las herramientas cliente de PostgreSQL o pida al administrador del servidor que haga la copia de seguridad de la base de datos</translation>
        </message>
        <message>
            <source>quantity must be a whole number above zero, got {value!r}</source>
            <translation>la cantidad debe ser un número entero mayor que cero; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>role must be one of {allowed}, got {value!r}</source>
            <translation>el rol debe ser uno de estos: {allowed}; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>same {what} as row {other}</source>
            <translation>{what} igual al de la fila {other}</translation>
        </message>
        <message>
            <source>say which program (--program): {programs}</source>
            <translation>indique el programa (--program): {programs}</translation>
        </message>
        <message>
            <source>stockout days {value} exceed the {days} days of {period}; stored as unknown</source>
            <translation>los días de desabastecimiento ({value}) superan los {days} días de {period}; se guardó como desconocido</translation>
        </message>
        <message>
            <source>the R&amp;R could not be stored ({detail}); nothing of it was kept</source>
            <translation>no se pudo guardar el R&amp;R ({detail}); no se conservó nada de él</translation>
        </message>
        <message>
            <source>the R&amp;R workbook has no sheet {sheet!r}</source>
            <translation>el libro R&amp;R no tiene la hoja {sheet!r}</translation>
        </message>
        <message>
            <source>the backup could not be written: {detail}</source>
            <translation>no se pudo escribir la copia de seguridad: {detail}</translation>
        </message>
        <message>
            <source>the data rows were changed after the R&amp;R was written (SHA-256 {found}, the file says {expected}); ask the facility to export it again</source>
            <translation>las filas de datos se modificaron después de generar el R&amp;R (SHA-256 {found}, el archivo indica {expected}); pida al establecimiento que lo exporte de nuevo</translation>
        </message>
        <message>
            <source>the database file is damaged and cannot be restored ({detail})</source>
            <translation>el archivo de la base de datos está dañado y no se puede restaurar ({detail})</translation>
        </message>
        <message>
            <source>the demo ledger was not written (import {status})</source>
            <translation>el registro de demostración no se escribió (importación: {status})</translation>
        </message>
        <message>
            <source>the file already exists; choose another name or use --overwrite</source>
            <translation>el archivo ya existe; elija otro nombre o use --overwrite</translation>
        </message>
        <message>
            <source>the file cannot be read: {detail}</source>
            <translation>no se puede leer el archivo: {detail}</translation>
        </message>
        <message>
            <source>the file does not exist or cannot be read</source>
            <translation>el archivo no existe o no se puede leer</translation>
        </message>
        <message>
            <source>the file has more than {limit} rows</source>
            <translation>el archivo tiene más de {limit} filas</translation>
        </message>
        <message>
            <source>the file has no data rows</source>
            <translation>el archivo no tiene filas de datos</translation>
        </message>
        <message>
            <source>the file is larger than {limit}</source>
            <translation>el archivo supera {limit}</translation>
        </message>
        <message>
            <source>the file says {status}; approval is given here, so it was imported as authorized, without K</source>
            <translation>el archivo indica {status}; la aprobación se da aquí, así que se importó como autorizado, sin K</translation>
        </message>
        <message>
            <source>the first user must be an admin, so that someone can manage users</source>
            <translation>el primer usuario debe ser administrador, para que alguien pueda administrar los usuarios</translation>
        </message>
        <message>
            <source>the import was cancelled; nothing changed</source>
            <translation>la importación se canceló; no cambió nada</translation>
        </message>
        <message>
            <source>the meta sheet lacks {keys}</source>
            <translation>faltan en la hoja meta: {keys}</translation>
        </message>
        <message>
            <source>the new password must differ from the current one</source>
            <translation>la nueva contraseña debe ser distinta de la actual</translation>
        </message>
        <message>
            <source>the password must have at least {min} characters</source>
            <translation>la contraseña debe tener al menos {min} caracteres</translation>
        </message>
        <message>
            <source>the password must not be the user name</source>
            <translation>la contraseña no puede ser igual al nombre de usuario</translation>
        </message>
        <message>
            <source>the requisition has no line for {product}</source>
            <translation>el requerimiento no tiene ninguna línea para {product}</translation>
        </message>
        <message>
            <source>this R&amp;R is {status}: only a submitted (or later) R&amp;R can be imported; ask the facility to submit it and export it again</source>
            <translation>este R&amp;R está en estado {status}: solo se puede importar un R&amp;R enviado (o en una etapa posterior); pida al establecimiento que lo envíe y lo exporte de nuevo</translation>
        </message>
        <message>
            <source>this SQLite file is not a StockDesk database</source>
            <translation>este archivo SQLite no es una base de datos de StockDesk</translation>
        </message>
        <message>
            <source>this backup was made by a newer StockDesk (schema {revision}); this is StockDesk {version}. Install the newer version to restore it</source>
            <translation>esta copia de seguridad la hizo una versión más reciente de StockDesk (esquema {revision}); esta es la versión {version} de StockDesk. Instale la versión más reciente para restaurarla</translation>
        </message>
        <message>
            <source>this database already holds real records ({facilities} facilities, {users} users): build the demo in a new database, e.g. stockdesk --db demo.sqlite3 demo</source>
            <translation>esta base de datos ya contiene registros reales ({facilities} establecimientos, {users} usuarios): cree la demostración en una base de datos nueva, p. ej. stockdesk --db demo.sqlite3 demo</translation>
        </message>
        <message>
            <source>this file was already imported on {when}; nothing changed</source>
            <translation>este archivo ya se importó el {when}; no cambió nada</translation>
        </message>
        <message>
            <source>this is not a StockDesk database (not an SQLite file)</source>
            <translation>esto no es una base de datos de StockDesk (no es un archivo SQLite)</translation>
        </message>
        <message>
            <source>this is the database in use, not a backup of it</source>
            <translation>esta es la base de datos en uso, no una copia de seguridad de ella</translation>
        </message>
        <message>
            <source>this is {found}, not an R&amp;R workbook (.xlsx) written by StockDesk</source>
            <translation>esto es {found}, no un libro R&amp;R (.xlsx) generado por StockDesk</translation>
        </message>
        <message>
            <source>this is {found}; save it as CSV or Excel (.xlsx) and import that</source>
            <translation>esto es {found}; guárdelo como CSV o Excel (.xlsx) e importe ese archivo</translation>
        </message>
        <message>
            <source>this requisition is {status} and can no longer change; corrections go into the next period</source>
            <translation>este requerimiento está en estado {status} y ya no puede modificarse; las correcciones van en el período siguiente</translation>
        </message>
        <message>
            <source>this workbook is not a StockDesk R&amp;R: {detail}</source>
            <translation>este libro no es un R&amp;R de StockDesk: {detail}</translation>
        </message>
        <message>
            <source>this would make lot {lot} of {product} negative ({balance}) on {date}</source>
            <translation>esto dejaría el lote {lot} de {product} en negativo ({balance}) el {date}</translation>
        </message>
        <message>
            <source>unexpected column(s): {columns}</source>
            <translation>columna(s) inesperada(s): {columns}</translation>
        </message>
        <message>
            <source>unknown calculation profile {name!r}; known: {known}</source>
            <translation>perfil de cálculo desconocido {name!r}; conocidos: {known}</translation>
        </message>
        <message>
            <source>unknown facility code {code!r}</source>
            <translation>código de establecimiento desconocido {code!r}</translation>
        </message>
        <message>
            <source>unknown product code {code!r}</source>
            <translation>código de producto desconocido {code!r}</translation>
        </message>
        <message>
            <source>unknown program {code!r}</source>
            <translation>programa desconocido {code!r}</translation>
        </message>
        <message>
            <source>unknown reason {reason!r} for {kind}; use one of: {allowed}</source>
            <translation>motivo desconocido {reason!r} para {kind}; use uno de estos: {allowed}</translation>
        </message>
        <message>
            <source>unknown step {action!r}; steps: {steps}</source>
            <translation>paso desconocido {action!r}; pasos: {steps}</translation>
        </message>
        <message>
            <source>unknown user {user}</source>
            <translation>usuario desconocido {user}</translation>
        </message>
        <message>
            <source>user {user} is locked after repeated failed sign-ins; try again after {until}</source>
            <translation>el usuario {user} está bloqueado tras varios intentos fallidos de inicio de sesión; inténtelo de nuevo después de {until}</translation>
        </message>
        <message>
            <source>user {user} must choose a new password before changing any data (stockdesk user passwd {user})</source>
            <translation>el usuario {user} debe elegir una nueva contraseña antes de modificar datos (stockdesk user passwd {user})</translation>
        </message>
        <message>
            <source>wrong password for {user}</source>
            <translation>contraseña incorrecta para {user}</translation>
        </message>
        <message>
            <source>wrong user name or password</source>
            <translation>nombre de usuario o contraseña incorrectos</translation>
        </message>
        <message>
            <source>{facility} already has a {program} requisition for {period}; export it, or create an emergency one with --emergency</source>
            <translation>{facility} ya tiene un requerimiento {program} para {period}; expórtelo o cree uno de emergencia con --emergency</translation>
        </message>
        <message>
            <source>{facility} has no figures for {program} in {period}: nothing to report</source>
            <translation>{facility} no tiene datos de {program} en {period}: no hay nada que informar</translation>
        </message>
        <message>
            <source>{facility} has no record of {product}: nothing to forecast</source>
            <translation>{facility} no tiene registros de {product}: no hay nada que pronosticar</translation>
        </message>
        <message>
            <source>{facility} has no {program} requisition for {period}; create it first</source>
            <translation>{facility} no tiene requerimiento {program} para {period}; créelo primero</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} is already {status} here; a new version cannot replace it</source>
            <translation>el R&amp;R {program} de {facility} para {period} ya está en estado {status} aquí; una nueva versión no puede reemplazarlo</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} was made in this database; an imported one cannot replace it</source>
            <translation>el R&amp;R {program} de {facility} para {period} se creó en esta base de datos; uno importado no puede reemplazarlo</translation>
        </message>
        <message>
            <source>{field} is longer than {limit} characters</source>
            <translation>{field} tiene más de {limit} caracteres</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>{field}: campo obligatorio</translation>
        </message>
        <message>
            <source>{field} is {value!r} but the meta sheet says {expected!r}</source>
            <translation>{field} es {value!r}, pero la hoja meta indica {expected!r}</translation>
        </message>
        <message>
            <source>{field} must be a GTIN-8, -12, -13 or -14 with a correct check digit, got {value!r}</source>
            <translation>{field} debe ser un GTIN-8, -12, -13 o -14 con dígito de control correcto; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a date (YYYY-MM-DD), got {value!r}</source>
            <translation>{field} debe ser una fecha (AAAA-MM-DD); valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a month (YYYY-MM), got {value!r}</source>
            <translation>{field} debe ser un mes (AAAA-MM); valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a number, got {value!r}</source>
            <translation>{field} debe ser un número; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a whole number, got {value!r}</source>
            <translation>{field} debe ser un número entero; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be above zero, got {value}</source>
            <translation>{field} debe ser mayor que cero; valor recibido: {value}</translation>
        </message>
        <message>
            <source>{field} must be between {low} and {high}, got {value}</source>
            <translation>{field} debe estar entre {low} y {high}; valor recibido: {value}</translation>
        </message>
        <message>
            <source>{field} must be one of {allowed}, got {value!r}</source>
            <translation>{field} debe ser uno de estos valores: {allowed}; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be yes/no, got {value!r}</source>
            <translation>{field} debe ser sí/no; valor recibido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must not be negative, got {value}</source>
            <translation>{field} no puede ser negativo; valor recibido: {value}</translation>
        </message>
        <message>
            <source>{period} is not over yet (it ends on {last}): a requisition reports a completed month</source>
            <translation>{period} aún no ha terminado (termina el {last}): un requerimiento informa sobre un mes cerrado</translation>
        </message>
        <message>
            <source>{product} appears again (first on row {first}): one line per product</source>
            <translation>{product} aparece de nuevo (primero en la fila {first}): una línea por producto</translation>
        </message>
        <message>
            <source>{product} is kept in lots: count each lot (batch) separately, not the product total</source>
            <translation>{product} se maneja por lotes: cuente cada lote por separado, no el total del producto</translation>
        </message>
        <message>
            <source>{product} is not a product of the {program} program</source>
            <translation>{product} no es un producto del programa {program}</translation>
        </message>
        <message>
            <source>{product} was counted on {counted}: nothing can be dated {date}, on or before that count; post the correction after it</source>
            <translation>{product} se inventarió el {counted}: ningún movimiento puede tener fecha {date}, igual o anterior a ese inventario; registre la corrección después de él</translation>
        </message>
        <message>
            <source>{product}, column {column}: {message}</source>
            <translation>{product}, columna {column}: {message}</translation>
        </message>
        <message>
            <source>{product}: P not rechecked, this office holds no figures of {months}</source>
            <translation>{product}: P no se volvió a verificar, esta oficina no tiene datos de {months}</translation>
        </message>
        <message>
            <source>{product}: {column} = {sent} but the {profile} rule gives {computed}</source>
            <translation>{product}: {column} = {sent}, pero la regla {profile} da {computed}</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}: ask {allowed}</source>
            <translation>{user} ({role}) no puede {action}: pídaselo a {allowed}</translation>
        </message>
        <message>
            <source>{user} is the last active admin; make another user admin first</source>
            <translation>{user} es el último administrador activo; primero haga administrador a otro usuario</translation>
        </message>
        <message>
            <source>{user} works at {own} and may not record stock at {facility}; ask someone there or the district logistician</source>
            <translation>{user} trabaja en {own} y no puede registrar existencias en {facility}; pida a alguien de allí o al logístico distrital</translation>
        </message>
        <message>
            <source>{what} is already recorded with different values ({detail})</source>
            <translation>{what} ya está registrado con valores diferentes ({detail})</translation>
        </message>
        <message>
            <source>{why}</source>
            <translation>{why}</translation>
        </message>
        <message>
            <source>movement {id} is a physical count: a count is corrected by posting a new physical count</source>
            <translation>el movimiento {id} es un inventario físico: un inventario se corrige registrando un nuevo inventario físico</translation>
        </message>
        <message>
            <source>{field} {value!r} cannot be a code: {why}</source>
            <translation>{field} {value!r} no puede ser un código: {why}</translation>
        </message>
        <message>
            <source>{user} is a {role}, not an admin: only an admin password is recovered this way; ask an admin to reset it (stockdesk user passwd {user})</source>
            <translation>{user} es {role}, no administrador: solo la contraseña de un administrador se recupera así; pida a un administrador que la restablezca (stockdesk user passwd {user})</translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <source>Pack size</source>
            <translation>Tam. envase</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>GTIN</source>
            <translation>GTIN</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>En uso</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>&amp;New product</source>
            <translation>&amp;Nuevo producto</translation>
        </message>
        <message>
            <source>Sa&amp;ve product</source>
            <translation>&amp;Guardar producto</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>N&amp;ombre:</translation>
        </message>
        <message>
            <source>S&amp;trength:</source>
            <translation>Concen&amp;tración:</translation>
        </message>
        <message>
            <source>Dosage f&amp;orm:</source>
            <translation>&amp;Forma farmacéutica:</translation>
        </message>
        <message>
            <source>&amp;Dispensing unit:</source>
            <translation>Unidad de &amp;dispensación:</translation>
        </message>
        <message>
            <source>Pac&amp;k size:</source>
            <translation>Tamaño del en&amp;vase:</translation>
        </message>
        <message>
            <source>&amp;Price per pack:</source>
            <translation>&amp;Precio por envase:</translation>
        </message>
        <message>
            <source>Pro&amp;gram:</source>
            <translation>P&amp;rograma:</translation>
        </message>
        <message>
            <source>GT&amp;IN (barcode):</source>
            <translation>GT&amp;IN (código de barras):</translation>
        </message>
        <message>
            <source>8, 12, 13 or 14 digits</source>
            <translation>8, 12, 13 o 14 dígitos</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>En &amp;uso:</translation>
        </message>
        <message>
            <source>Offered when recording stock</source>
            <translation>Se ofrece al registrar existencias</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Por qué (se guarda en el registro de auditoría)</translation>
        </message>
        <message>
            <source>Code, name, program or GTIN</source>
            <translation>Código, nombre, programa o GTIN</translation>
        </message>
        <message>
            <source>New product</source>
            <translation>Nuevo producto</translation>
        </message>
        <message>
            <source>Product {code}</source>
            <translation>Producto {code}</translation>
        </message>
    </context>
    <context>
        <name>Profiles</name>
        <message>
            <source>Each month's consumption is scaled up for the days the product was out of stock and rounded up to a whole unit; the average of the last 3 months is rounded up. This is what OpenLMIS v3 does.</source>
            <translation>El consumo de cada mes se ajusta al alza por los días en que el producto estuvo desabastecido y se redondea hacia arriba a la unidad entera; el promedio de los últimos 3 meses se redondea hacia arriba. Así lo hace OpenLMIS v3.</translation>
        </message>
        <message>
            <source>Consumption is scaled up to the days the product was in stock, without rounding; the average of 3 months is kept to 2 decimals, as mSupply prints it.</source>
            <translation>El consumo se ajusta al alza según los días en que el producto tuvo existencias, sin redondeo; el promedio de 3 meses se conserva con 2 decimales, tal como lo imprime mSupply.</translation>
        </message>
        <message>
            <source>Consumption is scaled up for stockout days only when the product was out for part of the month; the average of 3 months is rounded to the nearest unit, as the Côte d'Ivoire eLMIS does.</source>
            <translation>El consumo se ajusta al alza por los días de desabastecimiento solo cuando el producto estuvo desabastecido parte del mes; el promedio de 3 meses se redondea a la unidad más cercana, como lo hace el eLMIS de Costa de Marfil.</translation>
        </message>
        <message>
            <source>Consumption as recorded, stockout days ignored, as on a paper form; the average of 3 months is rounded up.</source>
            <translation>Consumo tal como se registró, sin tener en cuenta los días de desabastecimiento, como en un formulario en papel; el promedio de 3 meses se redondea hacia arriba.</translation>
        </message>
    </context>
    <context>
        <name>Program</name>
        <message>
            <source>Essential medicines</source>
            <translation>Medicamentos esenciales</translation>
        </message>
        <message>
            <source>Family planning</source>
            <translation>Planificación familiar</translation>
        </message>
        <message>
            <source>HIV</source>
            <translation>VIH</translation>
        </message>
        <message>
            <source>Malaria</source>
            <translation>Malaria</translation>
        </message>
        <message>
            <source>Tuberculosis</source>
            <translation>Tuberculosis</translation>
        </message>
    </context>
    <context>
        <name>ProgramsTab</name>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Calculation profile</source>
            <translation>Perfil de cálculo</translation>
        </message>
        <message>
            <source>Choose a program in the list.</source>
            <translation>Elija un programa en la lista.</translation>
        </message>
        <message>
            <source>Calculation &amp;profile:</source>
            <translation>&amp;Perfil de cálculo:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Por qué (se guarda en el registro de auditoría)</translation>
        </message>
        <message>
            <source>&amp;Use this profile</source>
            <translation>&amp;Usar este perfil</translation>
        </message>
        <message>
            <source>The profile decides how adjusted consumption (N) and average monthly consumption (P) are computed for the program's next requisitions; requisitions already submitted keep theirs.</source>
            <translation>El perfil determina cómo se calculan el consumo ajustado (N) y el consumo promedio mensual (P) en los próximos requerimientos del programa; los requerimientos ya enviados conservan el suyo.</translation>
        </message>
        <message>
            <source>Program {code}</source>
            <translation>Programa {code}</translation>
        </message>
        <message>
            <source>{program} now uses the {profile} profile.</source>
            <translation>{program} ahora usa el perfil {profile}.</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Expired</source>
            <translation>Vencido</translation>
        </message>
        <message>
            <source>Damaged or broken</source>
            <translation>Dañado o roto</translation>
        </message>
        <message>
            <source>Stolen</source>
            <translation>Robado</translation>
        </message>
        <message>
            <source>Lost or missing</source>
            <translation>Perdido o faltante</translation>
        </message>
        <message>
            <source>Quality recall</source>
            <translation>Retiro por calidad</translation>
        </message>
        <message>
            <source>Found stock</source>
            <translation>Existencias encontradas</translation>
        </message>
        <message>
            <source>Returned by patient or ward</source>
            <translation>Devuelto por paciente o servicio</translation>
        </message>
        <message>
            <source>Data-entry correction (+)</source>
            <translation>Corrección de registro (+)</translation>
        </message>
        <message>
            <source>Data-entry correction (−)</source>
            <translation>Corrección de registro (−)</translation>
        </message>
        <message>
            <source>Returned to supplier</source>
            <translation>Devuelto al proveedor</translation>
        </message>
        <message>
            <source>Physical count higher than book</source>
            <translation>Inventario mayor que el saldo registrado</translation>
        </message>
        <message>
            <source>Physical count lower than book</source>
            <translation>Inventario menor que el saldo registrado</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Facility</source>
            <translation>Establecimiento</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizable</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CPM</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de existencias</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout expected</source>
            <translation>Desabast. previsto</translation>
        </message>
        <message>
            <source>now</source>
            <translation>ahora</translation>
        </message>
        <message>
            <source>To order</source>
            <translation>A pedir</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>En riesgo de vencer</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>no informado</translation>
        </message>
        <message>
            <source>Days out of stock in {month}: {days}</source>
            <translation>Días de desabastecimiento en {month}: {days}</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Días desabast.</translation>
        </message>
        <message>
            <source>Months with stockouts</source>
            <translation>Meses con desabast.</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Días restantes</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>Used before expiry</source>
            <translation>Usado antes de vencer</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En riesgo</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Which</source>
            <translation>Cuál</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Cambio</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Informes</translation>
        </message>
        <message>
            <source>Stock status</source>
            <translation>Estado de existencias</translation>
        </message>
        <message>
            <source>Stockouts</source>
            <translation>Desabastecimientos</translation>
        </message>
        <message>
            <source>Expiry risk</source>
            <translation>Riesgo de vencimiento</translation>
        </message>
        <message>
            <source>Audit log (who changed what)</source>
            <translation>Registro de auditoría (quién cambió qué)</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>Each program's own profile</source>
            <translation>Perfil propio de cada programa</translation>
        </message>
        <message>
            <source>Only products &amp;needing action</source>
            <translation>Solo productos que &amp;requieren acción</translation>
        </message>
        <message>
            <source>&amp;Months:</source>
            <translation>&amp;Meses:</translation>
        </message>
        <message>
            <source>&amp;Horizon:</source>
            <translation>&amp;Horizonte:</translation>
        </message>
        <message>
            <source>&amp;AMC profile:</source>
            <translation>Perfil de &amp;CPM:</translation>
        </message>
        <message>
            <source>&amp;Report:</source>
            <translation>I&amp;nforme:</translation>
        </message>
        <message>
            <source>F&amp;or:</source>
            <translation>P&amp;ara:</translation>
        </message>
        <message>
            <source>As of &amp;date:</source>
            <translation>A la &amp;fecha:</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>&amp;Vista previa</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Guardar como &amp;PDF…</translation>
        </message>
        <message>
            <source>Save as &amp;Excel…</source>
            <translation>Guardar como &amp;Excel…</translation>
        </message>
        <message>
            <source>Pr&amp;int…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Product, code, facility or lot</source>
            <translation>Producto, código, establecimiento o lote</translation>
        </message>
        <message>
            <source>Choose a report and what it covers, then press Preview (Enter).</source>
            <translation>Elija un informe y su alcance, y luego pulse Vista previa (Enter).</translation>
        </message>
        <message>
            <source>This facility: {name}</source>
            <translation>Este establecimiento: {name}</translation>
        </message>
        <message>
            <source>The whole district: {name}</source>
            <translation>Todo el distrito: {name}</translation>
        </message>
        <message>
            <source>The audit log is shown here only; choose a stock report to save or print it.</source>
            <translation>El registro de auditoría solo se muestra aquí; para guardar o imprimir, elija un informe de existencias.</translation>
        </message>
        <message>
            <source>Preparing the stock status report…</source>
            <translation>Preparando el informe de estado de existencias…</translation>
        </message>
        <message>
            <source>Preparing the stockout report…</source>
            <translation>Preparando el informe de desabastecimientos…</translation>
        </message>
        <message>
            <source>Preparing the expiry risk report…</source>
            <translation>Preparando el informe de riesgo de vencimiento…</translation>
        </message>
        <message>
            <source>Reading the audit log…</source>
            <translation>Leyendo el registro de auditoría…</translation>
        </message>
        <message>
            <source>The report was cancelled; nothing changed.</source>
            <translation>El informe se canceló; no cambió nada.</translation>
        </message>
        <message>
            <source>Audit log: the {count} most recent changes, newest first.</source>
            <translation>Registro de auditoría: los {count} cambios más recientes, del más nuevo al más antiguo.</translation>
        </message>
        <message>
            <source>facility {name}</source>
            <translation>establecimiento {name}</translation>
        </message>
        <message>
            <source>district {name} ({count} facilities)</source>
            <translation>distrito {name} ({count} establecimientos)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stock status&lt;/b&gt; of {scope} as of {day}: {shown} of {total} products × facilities listed.</source>
            <translation>&lt;b&gt;Estado de existencias&lt;/b&gt; — {scope}, al {day}: se listan {shown} de {total} combinaciones producto × establecimiento.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stockouts&lt;/b&gt; of {scope} as of {day}: {now} stocked out now; {days} days out of stock from {first} to {last}.</source>
            <translation>&lt;b&gt;Desabastecimientos&lt;/b&gt; — {scope}, al {day}: {now} desabastecidos ahora; {days} días de desabastecimiento del {first} al {last}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Expiry risk&lt;/b&gt; of {scope} as of {day}: {lots} lots expire by {end}; {risk} units are at risk of expiring before use.</source>
            <translation>&lt;b&gt;Riesgo de vencimiento&lt;/b&gt; — {scope}, al {day}: {lots} lotes vencen hasta el {end}; {risk} unidades corren riesgo de vencer antes de usarse.</translation>
        </message>
        <message>
            <source>{count} products have expired stock still on the shelf: remove it and record the loss.</source>
            <translation>{count} productos tienen existencias vencidas aún en el estante: retírelas y registre la pérdida.</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Guardar el informe como PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the report as Excel</source>
            <translation>Guardar el informe como Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Libros de Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing the PDF…</source>
            <translation>Generando el PDF…</translation>
        </message>
        <message>
            <source>Writing the workbook…</source>
            <translation>Generando el libro…</translation>
        </message>
        <message>
            <source>Saved to {file}</source>
            <translation>Guardado en {file}</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The report was saved as {file}: print it from there.</source>
            <translation>No se encontró en esta computadora ningún programa para abrir archivos PDF. El reporte se guardó como {file}: imprímalo desde allí.</translation>
        </message>
    </context>
    <context>
        <name>RequisitionStatus</name>
        <message>
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Enviado</translation>
        </message>
        <message>
            <source>Authorized</source>
            <translation>Autorizado</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Aprobado</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Atendido</translation>
        </message>
    </context>
    <context>
        <name>RequisitionView</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Volver a la lista</translation>
        </message>
        <message>
            <source>&amp;Reason for rejecting:</source>
            <translation>&amp;Motivo del rechazo:</translation>
        </message>
        <message>
            <source>What the facility must correct before submitting again</source>
            <translation>Lo que el establecimiento debe corregir antes de volver a enviarlo</translation>
        </message>
        <message>
            <source>Re&amp;ject the R&amp;&amp;R</source>
            <translation>&amp;Rechazar el R&amp;&amp;R</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>&amp;Conservarlo</translation>
        </message>
        <message>
            <source>Export &amp;Excel…</source>
            <translation>Exportar a &amp;Excel…</translation>
        </message>
        <message>
            <source>Export P&amp;DF…</source>
            <translation>Exportar a PD&amp;F…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Im&amp;primir…</translation>
        </message>
        <message>
            <source>Emergency R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R de emergencia {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>Facility: {name} ({code}), {district}   Period: {first} to {last}   Program: {program}   Profile: {profile} (maximum {max} months, minimum {min} months of stock)   Lines: {lines}</source>
            <translation>Establecimiento: {name} ({code}), {district}   Período: del {first} al {last}   Programa: {program}   Perfil: {profile} (máximo {max} meses, mínimo {min} meses de existencias)   Líneas: {lines}</translation>
        </message>
        <message>
            <source>Not signed yet.</source>
            <translation>Aún no firmado.</translation>
        </message>
        <message>
            <source>Rejected: {reason}</source>
            <translation>Rechazado: {reason}</translation>
        </message>
        <message>
            <source>{product}, column {column}: {problem}</source>
            <translation>{product}, columna {column}: {problem}</translation>
        </message>
        <message>
            <source>and {count} more (marked in red in the table)</source>
            <translation>y {count} más (marcados en rojo en la tabla)</translation>
        </message>
        <message>
            <source>Not available: the R&amp;R is {status}, or your role may not do this.</source>
            <translation>No disponible: el R&amp;R está en estado {status} o su rol no permite hacer esto.</translation>
        </message>
        <message>
            <source>Export the R&amp;R as Excel</source>
            <translation>Exportar el R&amp;R a Excel</translation>
        </message>
        <message>
            <source>Export the R&amp;R as PDF</source>
            <translation>Exportar el R&amp;R a PDF</translation>
        </message>
        <message>
            <source>Writing the R&amp;R</source>
            <translation>Generando el R&amp;R</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The R&amp;&amp;R was saved as {file}: print it from there.</source>
            <translation>No se encontró en esta computadora ningún programa para abrir archivos PDF. El R&amp;&amp;R se guardó como {file}: imprímalo desde allí.</translation>
        </message>
        <message>
            <source>Write why the R&amp;&amp;R is rejected, so the facility knows what to correct.</source>
            <translation>Escriba por qué se rechaza el R&amp;&amp;R, para que el establecimiento sepa qué corregir.</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Libro de Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Guardado en {path}</translation>
        </message>
        <message>
            <source>Opened the R&amp;&amp;R in the PDF reader to print it.</source>
            <translation>Se abrió el R&amp;&amp;R en el lector de PDF para imprimirlo.</translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>E&amp;nviar</translation>
        </message>
        <message>
            <source>A&amp;uthorize</source>
            <translation>A&amp;utorizar</translation>
        </message>
        <message>
            <source>A, B, C and E cannot be negative.</source>
            <translation>A, B, C y E no pueden ser negativos.</translation>
        </message>
        <message>
            <source>A, opening balance: stock on hand on the first day of the period.</source>
            <translation>A, saldo inicial: existencias disponibles el primer día del período.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CPM</translation>
        </message>
        <message>
            <source>Adj. cons.</source>
            <translation>Cons. ajust.</translation>
        </message>
        <message>
            <source>Appro&amp;ve</source>
            <translation>Apro&amp;bar</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Aprobado</translation>
        </message>
        <message>
            <source>Approved by {name} on {when}</source>
            <translation>Aprobado por {name} el {when}</translation>
        </message>
        <message>
            <source>Authorized by {name} on {when}</source>
            <translation>Autorizado por {name} el {when}</translation>
        </message>
        <message>
            <source>B, received: quantity received during the period.</source>
            <translation>B, recibido: cantidad recibida durante el período.</translation>
        </message>
        <message>
            <source>C, consumed: quantity dispensed to patients or wards during the period.</source>
            <translation>C, consumido: cantidad dispensada a pacientes o servicios durante el período.</translation>
        </message>
        <message>
            <source>Calculated</source>
            <translation>Calculado</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>Saldo final</translation>
        </message>
        <message>
            <source>Consumed</source>
            <translation>Consumido</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Costo</translation>
        </message>
        <message>
            <source>D, losses and adjustments: expiries, damage, count corrections (negative when stock was lost).</source>
            <translation>D, pérdidas y ajustes: vencimientos, daños, correcciones de inventario (negativo cuando se perdieron existencias).</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Días desabast.</translation>
        </message>
        <message>
            <source>E = {E} but A + B + D − C = {sum}.</source>
            <translation>E = {E}, pero A + B + D − C = {sum}.</translation>
        </message>
        <message>
            <source>E, closing balance: stock on hand at the end of the period; E = A + B + D − C.</source>
            <translation>E, saldo final: existencias disponibles al final del período; E = A + B + D − C.</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>Explicación</translation>
        </message>
        <message>
            <source>H, maximum stock: P times the maximum months of stock.</source>
            <translation>H, existencias máximas: P multiplicado por el máximo de meses de existencias.</translation>
        </message>
        <message>
            <source>I, calculated order quantity: H − E, never below zero.</source>
            <translation>I, cantidad de pedido calculada: H − E, nunca menor que cero.</translation>
        </message>
        <message>
            <source>Issued by {name} on {when}</source>
            <translation>Atendido por {name} el {when}</translation>
        </message>
        <message>
            <source>J, requested quantity: what the facility asks for. Type it on a draft; explain in W when it differs from I.</source>
            <translation>J, cantidad solicitada: lo que pide el establecimiento. Escríbala en un borrador; explique en W cuando difiera de I.</translation>
        </message>
        <message>
            <source>K, approved quantity: what the district approves to send. Typed by the approver on an authorized R&amp;R.</source>
            <translation>K, cantidad aprobada: lo que el distrito aprueba enviar. La escribe quien aprueba, en un R&amp;R autorizado.</translation>
        </message>
        <message>
            <source>L, remarks.</source>
            <translation>L, observaciones.</translation>
        </message>
        <message>
            <source>Losses/adj.</source>
            <translation>Pérd./ajust.</translation>
        </message>
        <message>
            <source>Mark &amp;issued</source>
            <translation>Marcar como a&amp;tendido</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Máximo</translation>
        </message>
        <message>
            <source>N, adjusted consumption: C corrected for the days the product was out of stock.</source>
            <translation>N, consumo ajustado: C corregido por los días en que el producto estuvo desabastecido.</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>Saldo inicial</translation>
        </message>
        <message>
            <source>P, average monthly consumption over the last months, by the calculation profile.</source>
            <translation>P, consumo promedio mensual de los últimos meses, según el perfil de cálculo.</translation>
        </message>
        <message>
            <source>Pack price</source>
            <translation>Precio/envase</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Envases</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Product, strength and form.</source>
            <translation>Producto, concentración y forma farmacéutica.</translation>
        </message>
        <message>
            <source>Q, total cost: V × T.</source>
            <translation>Q, costo total: V × T.</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>&amp;Rechazar…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Recibido</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Observaciones</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>Solicitado</translation>
        </message>
        <message>
            <source>Requested {J} differs from calculated {I}: explain why in W.</source>
            <translation>La cantidad solicitada ({J}) difiere de la calculada ({I}): explique el motivo en W.</translation>
        </message>
        <message>
            <source>Submitted by {name} on {when}</source>
            <translation>Enviado por {name} el {when}</translation>
        </message>
        <message>
            <source>T, price per pack.</source>
            <translation>T, precio por envase.</translation>
        </message>
        <message>
            <source>The requested quantity cannot be negative.</source>
            <translation>La cantidad solicitada no puede ser negativa.</translation>
        </message>
        <message>
            <source>V, packs to ship: K in whole packs.</source>
            <translation>V, envases por enviar: K en envases completos.</translation>
        </message>
        <message>
            <source>W, explanation: why the requested quantity J differs from the calculated quantity I.</source>
            <translation>W, explicación: por qué la cantidad solicitada J difiere de la cantidad calculada I.</translation>
        </message>
        <message>
            <source>X = {X} stockout days, more than the {days} days of the period.</source>
            <translation>X = {X} días de desabastecimiento, más que los {days} días del período.</translation>
        </message>
        <message>
            <source>X, stockout days: days of the period with no stock.</source>
            <translation>X, días de desabastecimiento: días del período sin existencias.</translation>
        </message>
        <message>
            <source>{code}
{name}
Unit: {unit}, pack of {pack}</source>
            <translation>{code}
{name}
Unidad: {unit}, envase de {pack}</translation>
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
            <translation>Requerimientos</translation>
        </message>
        <message>
            <source>&amp;New requisition…</source>
            <translation>&amp;Nuevo requerimiento…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>A&amp;brir</translation>
        </message>
        <message>
            <source>Choose a facility at the top of the window.</source>
            <translation>Elija un establecimiento en la parte superior de la ventana.</translation>
        </message>
        <message>
            <source>Requisitions of {facility}</source>
            <translation>Requerimientos de {facility}</translation>
        </message>
        <message>
            <source>No requisition yet for this facility. Use New requisition to prepare the one of the month just completed.</source>
            <translation>Este establecimiento aún no tiene requerimientos. Use Nuevo requerimiento para preparar el del mes recién terminado.</translation>
        </message>
        <message>
            <source>Preparing the requisition</source>
            <translation>Preparando el requerimiento</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Emergencia</translation>
        </message>
        <message>
            <source>Here</source>
            <translation>Aquí</translation>
        </message>
        <message>
            <source>Imported from a file</source>
            <translation>Importado de un archivo</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Origen</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
    </context>
    <context>
        <name>ReversePanel</name>
        <message>
            <source>Stock that has been counted is corrected by posting a new physical count, not by reversing a movement.</source>
            <translation>Las existencias contadas se corrigen registrando un nuevo inventario físico, no anulando un movimiento.</translation>
        </message>
        <message>
            <source>Count &amp;again</source>
            <translation>&amp;Contar de nuevo</translation>
        </message>
        <message>
            <source>Switch to Physical count to post a new count.</source>
            <translation>Pasar a Inventario físico para registrar un nuevo conteo.</translation>
        </message>
    </context>
    <context>
        <name>Role</name>
        <message>
            <source>Pharmacist</source>
            <translation>Farmacéutico</translation>
        </message>
        <message>
            <source>Facility in-charge</source>
            <translation>Jefe del establecimiento</translation>
        </message>
        <message>
            <source>District logistician</source>
            <translation>Logístico distrital</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
    </context>
    <context>
        <name>Severity</name>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Advertencia</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in to StockDesk</source>
            <translation>Iniciar sesión en StockDesk</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nombre de &amp;usuario:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <source>Demo users: {users} — password: {password}</source>
            <translation>Usuarios de demostración: {users} — contraseña: {password}</translation>
        </message>
        <message>
            <source>Type your user name.</source>
            <translation>Escriba su nombre de usuario.</translation>
        </message>
        <message>
            <source>{problem} (in {minutes} min)</source>
            <translation>{problem} (en {minutes} min)</translation>
        </message>
    </context>
    <context>
        <name>Start</name>
        <message>
            <source>Building the demo district</source>
            <translation>Creando el distrito de demostración</translation>
        </message>
        <message>
            <source>Signing in as {user} failed: {detail}</source>
            <translation>No se pudo iniciar sesión como {user}: {detail}</translation>
        </message>
        <message>
            <source>StockDesk cannot start</source>
            <translation>StockDesk no puede iniciarse</translation>
        </message>
        <message>
            <source>StockDesk could not open its database: {detail}</source>
            <translation>StockDesk no pudo abrir su base de datos: {detail}</translation>
        </message>
        <message>
            <source>The database was upgraded to this version of StockDesk. The copy from before is {file}.</source>
            <translation>La base de datos se actualizó a esta versión de StockDesk. La copia anterior es {file}.</translation>
        </message>
        <message>
            <source>This database was written by a newer version of StockDesk (database schema {schema}). This is StockDesk {version}, which cannot open it without risking your records. Install the newer StockDesk on this computer; the database was not changed.</source>
            <translation>Esta base de datos fue creada por una versión más reciente de StockDesk (esquema de base de datos {schema}). Esta es la versión {version} de StockDesk, que no puede abrirla sin poner en riesgo sus registros. Instale la versión más reciente de StockDesk en esta computadora; la base de datos no se modificó.</translation>
        </message>
        <message>
            <source>Warning: {detail}</source>
            <translation>Advertencia: {detail}</translation>
        </message>
        <message>
            <source>The demo district could not be built: {detail}</source>
            <translation>No se pudo crear el distrito de demostración: {detail}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Stocked out</source>
            <translation>Desabastecido</translation>
        </message>
        <message>
            <source>Below emergency point</source>
            <translation>Bajo el punto de emergencia</translation>
        </message>
        <message>
            <source>Below minimum</source>
            <translation>Bajo el mínimo</translation>
        </message>
        <message>
            <source>Adequate</source>
            <translation>Adecuado</translation>
        </message>
        <message>
            <source>Overstocked</source>
            <translation>Sobreabastecido</translation>
        </message>
        <message>
            <source>No consumption data</source>
            <translation>Sin datos de consumo</translation>
        </message>
    </context>
    <context>
        <name>StockCard</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Volver a la lista</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Stock on hand</source>
            <translation>Existencias disponibles</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizable</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consumo promedio mensual</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de existencias</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Desabastecimiento previsto</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Fecha límite de pedido</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>En riesgo de vencer</translation>
        </message>
        <message>
            <source>Maximum stock</source>
            <translation>Existencias máximas</translation>
        </message>
        <message>
            <source>Order quantity</source>
            <translation>Cantidad a pedir</translation>
        </message>
        <message>
            <source>Movements</source>
            <translation>Movimientos</translation>
        </message>
        <message>
            <source>&amp;Movements</source>
            <translation>&amp;Movimientos</translation>
        </message>
        <message>
            <source>Lots</source>
            <translation>Lotes</translation>
        </message>
        <message>
            <source>L&amp;ots</source>
            <translation>&amp;Lotes</translation>
        </message>
        <message>
            <source>&amp;Chart</source>
            <translation>&amp;Gráfico</translation>
        </message>
        <message>
            <source>E&amp;xplain</source>
            <translation>E&amp;xplicar</translation>
        </message>
        <message>
            <source>Reading the months of consumption…</source>
            <translation>Leyendo los meses de consumo…</translation>
        </message>
        <message>
            <source>Running balance after the last movement: {balance}</source>
            <translation>Saldo acumulado tras el último movimiento: {balance}</translation>
        </message>
        <message>
            <source>No lot of this product is in stock.</source>
            <translation>No hay ningún lote de este producto en existencia.</translation>
        </message>
        <message>
            <source>{count} lots in stock.</source>
            <translation>{count} lotes en existencia.</translation>
        </message>
        <message>
            <source>{quantity} expired: remove them from the shelf and record the loss.</source>
            <translation>Cantidad vencida: {quantity}. Retírela del estante y registre la pérdida.</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used at the usual consumption: offer them to another facility.</source>
            <translation>Cantidad que vencerá antes de usarse con el consumo habitual: {quantity}. Ofrézcala a otro establecimiento.</translation>
        </message>
        <message>
            <source>{code}: no stock status at this facility</source>
            <translation>{code}: sin estado de existencias en este establecimiento</translation>
        </message>
        <message>
            <source>{code} · counted in {unit} · program {program}</source>
            <translation>{code} · contado en {unit} · programa {program}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>vencido, no utilizable: {quantity}</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>desconocido</translation>
        </message>
        <message>
            <source>not within two years</source>
            <translation>no en los próximos dos años</translation>
        </message>
        <message>
            <source>{day} (late)</source>
            <translation>{day} (atrasado)</translation>
        </message>
        <message>
            <source>Forecasting the consumption of {product}…</source>
            <translation>Pronosticando el consumo de {product}…</translation>
        </message>
        <message>
            <source>No consumption has been recorded for this product.</source>
            <translation>No se ha registrado consumo para este producto.</translation>
        </message>
        <message>
            <source>The chart could not be drawn.</source>
            <translation>No se pudo dibujar el gráfico.</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En riesgo</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Saldo</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Expired: do not issue</source>
            <translation>Vencido: no entregar</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Vencimiento</translation>
        </message>
        <message>
            <source>From / to</source>
            <translation>Origen / destino</translation>
        </message>
        <message>
            <source>In</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Lot {lot}: {balance}</source>
            <translation>Lote {lot}: {balance}</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>Salida</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Recorded {stamp}</source>
            <translation>Registrado: {stamp}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>Will expire before it is used</source>
            <translation>Vencerá antes de usarse</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Stock</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Code or name (Ctrl+F)</source>
            <translation>Código o nombre (Ctrl+F)</translation>
        </message>
        <message>
            <source>&amp;Program:</source>
            <translation>&amp;Programa:</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>&amp;Estado:</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <source>Products in stock</source>
            <translation>Productos en existencia</translation>
        </message>
        <message>
            <source>Reading the stock of {facility}…</source>
            <translation>Leyendo las existencias de {facility}…</translation>
        </message>
        <message>
            <source>Reading the stock…</source>
            <translation>Leyendo las existencias…</translation>
        </message>
        <message>
            <source>The stock could not be read.</source>
            <translation>No se pudieron leer las existencias.</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Todos los programas</translation>
        </message>
        <message>
            <source>No program</source>
            <translation>Sin programa</translation>
        </message>
        <message>
            <source>{count} products. Enter opens the stock card of the product selected.</source>
            <translation>{count} productos. Enter abre la tarjeta de existencias del producto seleccionado.</translation>
        </message>
        <message>
            <source>{shown} of {count} products shown. Enter opens the stock card of the product selected.</source>
            <translation>Se muestran {shown} de {count} productos. Enter abre la tarjeta de existencias del producto seleccionado.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CPM</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>En riesgo</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de existencias</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout</source>
            <translation>Desabast.</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizable</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>vencido, no utilizable: {quantity}</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used</source>
            <translation>vencerá antes de usarse: {quantity}</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
    </context>
    <context>
        <name>UsersTab</name>
        <message>
            <source>User name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nombre completo</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Establecimiento</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nombre de &amp;usuario:</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>&amp;Rol:</translation>
        </message>
        <message>
            <source>Works &amp;at:</source>
            <translation>&amp;Trabaja en:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>&amp;Create user</source>
            <translation>Cr&amp;ear usuario</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>Nuevo usuario</translation>
        </message>
        <message>
            <source>Choose a user in the list.</source>
            <translation>Elija un usuario en la lista.</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>&amp;Nombre completo:</translation>
        </message>
        <message>
            <source>New rol&amp;e:</source>
            <translation>Nuevo r&amp;ol:</translation>
        </message>
        <message>
            <source>New pass&amp;word:</source>
            <translation>Nueva contra&amp;seña:</translation>
        </message>
        <message>
            <source>They must change it when they sign in</source>
            <translation>Deberá cambiarla al iniciar sesión</translation>
        </message>
        <message>
            <source>Change &amp;role</source>
            <translation>Ca&amp;mbiar rol</translation>
        </message>
        <message>
            <source>&amp;Set password</source>
            <translation>&amp;Asignar contraseña</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>&amp;Desactivar</translation>
        </message>
        <message>
            <source>Unloc&amp;k</source>
            <translation>Desblo&amp;quear</translation>
        </message>
        <message>
            <source>Selected user</source>
            <translation>Usuario seleccionado</translation>
        </message>
        <message>
            <source>A password has at least {min} characters and is not the user name. A new user chooses their own at first sign-in.</source>
            <translation>La contraseña tiene al menos {min} caracteres y no puede ser el nombre de usuario. Cada usuario nuevo elige la suya al iniciar sesión por primera vez.</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Desactivado</translation>
        </message>
        <message>
            <source>Locked until {time}</source>
            <translation>Bloqueado hasta {time}</translation>
        </message>
        <message>
            <source>Must choose a password</source>
            <translation>Debe elegir una contraseña</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>(the whole district)</source>
            <translation>(todo el distrito)</translation>
        </message>
        <message>
            <source>{user} can now sign in as {role}.</source>
            <translation>{user} ya puede iniciar sesión como {role}.</translation>
        </message>
        <message>
            <source>{user} ({name}): {state}</source>
            <translation>{user} ({name}): {state}</translation>
        </message>
        <message>
            <source>Re&amp;activate</source>
            <translation>React&amp;ivar</translation>
        </message>
        <message>
            <source>{user} is now {role}.</source>
            <translation>{user} ahora es {role}.</translation>
        </message>
        <message>
            <source>The password of {user} was set; they must choose their own at their next sign-in.</source>
            <translation>Se asignó la contraseña de {user}; deberá elegir la suya en su próximo inicio de sesión.</translation>
        </message>
        <message>
            <source>{user} may sign in again.</source>
            <translation>{user} puede volver a iniciar sesión.</translation>
        </message>
        <message>
            <source>{user} can no longer sign in; their records keep their name.</source>
            <translation>{user} ya no puede iniciar sesión; sus registros conservan su nombre.</translation>
        </message>
        <message>
            <source>{user} is unlocked.</source>
            <translation>{user} fue desbloqueado.</translation>
        </message>
    </context>
</TS>
