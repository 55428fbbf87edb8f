<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
    <context>
        <name>Admin</name>
        <message>
            <source>The code {code} is already used; choose it in the list to change it, or give another code.</source>
            <translation>O código {code} já está a ser usado; escolha-o na lista para o alterar ou indique outro código.</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Procurar:</translation>
        </message>
        <message>
            <source>Saved {what}.</source>
            <translation>Gravado: {what}.</translation>
        </message>
        <message>
            <source>Nothing was saved: please check the fields marked in red.</source>
            <translation>Nada foi gravado: verifique os campos assinalados a vermelho.</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Products</source>
            <translation>Produtos</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Unidades sanitárias</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Níveis de stock</translation>
        </message>
        <message>
            <source>Programs and calculation</source>
            <translation>Programas e cálculo</translation>
        </message>
        <message>
            <source>Users and roles</source>
            <translation>Utilizadores e perfis</translation>
        </message>
        <message>
            <source>Backup and restore</source>
            <translation>Cópia de segurança e restauro</translation>
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
            <translation>Administração</translation>
        </message>
        <message>
            <source>The administrator</source>
            <translation>O administrador</translation>
        </message>
        <message>
            <source>The administrator creates the other users and restores backups. Everyone gets their own account later.</source>
            <translation>O administrador cria os outros utilizadores e restaura as cópias de segurança. Mais tarde, cada pessoa recebe a sua própria conta.</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nome de &amp;utilizador:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>Nome &amp;completo:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Senha:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repetir senha:</translation>
        </message>
        <message>
            <source>for example akone</source>
            <translation>por exemplo akone</translation>
        </message>
        <message>
            <source>Write the password down and keep it in a safe place: nobody can read it back.</source>
            <translation>Anote a senha e guarde-a num local seguro: ninguém a consegue consultar depois.</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>As duas senhas são diferentes. Escreva-as novamente.</translation>
        </message>
    </context>
    <context>
        <name>BackupTab</name>
        <message>
            <source>Back up</source>
            <translation>Cópia de segurança</translation>
        </message>
        <message>
            <source>A backup is a copy of every record in one file. Keep one on a USB stick or another computer: if this computer is stolen or its disk fails, the records can be brought back from it.</source>
            <translation>Uma cópia de segurança é uma cópia de todos os registos num único ficheiro. Guarde uma numa pen USB ou noutro computador: se este computador for roubado ou o disco avariar, os registos podem ser recuperados a partir dela.</translation>
        </message>
        <message>
            <source>&amp;Back up now…</source>
            <translation>Fazer &amp;cópia de segurança agora…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurar</translation>
        </message>
        <message>
            <source>Restoring replaces every record with those of a backup. The database as it is now is copied aside first, so a wrong restore can be undone. Everyone else must close StockDesk first.</source>
            <translation>Restaurar substitui todos os registos pelos de uma cópia de segurança. Antes disso, a base de dados tal como está agora é copiada à parte, para que um restauro errado possa ser desfeito. Todas as outras pessoas têm de fechar primeiro o StockDesk.</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Restaurar…</translation>
        </message>
        <message>
            <source>&amp;Close StockDesk</source>
            <translation>Fec&amp;har o StockDesk</translation>
        </message>
        <message>
            <source>This database is on a server: its administrator keeps its backups.</source>
            <translation>Esta base de dados está num servidor: é o administrador do servidor que guarda as cópias de segurança.</translation>
        </message>
        <message>
            <source>StockDesk also copies the database every day when it starts, into {folder}</source>
            <translation>O StockDesk também copia a base de dados todos os dias, ao iniciar, para {folder}</translation>
        </message>
        <message>
            <source>Back up the database to</source>
            <translation>Fazer cópia de segurança da base de dados para</translation>
        </message>
        <message>
            <source>StockDesk backups (*.sqlite3 *.db);;All files (*)</source>
            <translation>Cópias de segurança do StockDesk (*.sqlite3 *.db);;Todos os ficheiros (*)</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>A fazer a cópia de segurança…</translation>
        </message>
        <message>
            <source>Backup written: {file} ({size} kB) at {time}.</source>
            <translation>Cópia de segurança gravada: {file} ({size} kB) às {time}.</translation>
        </message>
        <message>
            <source>Restore the database from</source>
            <translation>Restaurar a base de dados a partir de</translation>
        </message>
        <message>
            <source>Reading the backup…</source>
            <translation>A ler a cópia de segurança…</translation>
        </message>
        <message>
            <source>{file} is a StockDesk backup with {facilities} facilities and {users} users.</source>
            <translation>{file} é uma cópia de segurança do StockDesk com {facilities} unidades sanitárias e {users} utilizadores.</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Restaurar esta cópia de segurança?</translation>
        </message>
        <message>
            <source>{what}

Every record in StockDesk now will be replaced by those of the backup (the current database is copied aside first). Restore it?</source>
            <translation>{what}

Todos os registos que estão agora no StockDesk serão substituídos pelos da cópia de segurança (antes disso, a base de dados atual é copiada à parte). Deseja restaurá-la?</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Nada foi restaurado.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>A restaurar…</translation>
        </message>
        <message>
            <source>Restored from {file}. The database as it was before is kept in {safety}. StockDesk must now restart: close it and open it again.</source>
            <translation>Restaurado a partir de {file}. A base de dados tal como estava antes foi guardada em {safety}. O StockDesk tem agora de ser reiniciado: feche-o e abra-o novamente.</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <source>Products</source>
            <translation>Produtos</translation>
        </message>
        <message>
            <source>Which medicines and supplies will you manage?</source>
            <translation>Que medicamentos e artigos médicos vai gerir?</translation>
        </message>
        <message>
            <source>Start with the &amp;starter catalogue of essential medicines (recommended)</source>
            <translation>Começar com o &amp;catálogo inicial de medicamentos essenciais (recomendado)</translation>
        </message>
        <message>
            <source>Start with an &amp;empty catalogue and import your own list later</source>
            <translation>Começar com um catálogo &amp;vazio e importar mais tarde a sua própria lista</translation>
        </message>
        <message>
            <source>The starter catalogue holds a few hundred products of the WHO essential medicines list with programs, units and pack sizes. Products you do not stock stay out of the way, and the catalogue can be changed later. Press Finish to create everything.</source>
            <translation>O catálogo inicial contém algumas centenas de produtos da lista de medicamentos essenciais da OMS, com programas, unidades e tamanhos de embalagem. Os produtos que não tem em stock não atrapalham, e o catálogo pode ser alterado mais tarde. Prima Concluir para criar tudo.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Choose your password</source>
            <translation>Escolha a sua senha</translation>
        </message>
        <message>
            <source>{user}, your password was set by an administrator, who therefore knows it. Choose a new password that only you know.</source>
            <translation>{user}, a sua senha foi definida por um administrador, que por isso a conhece. Escolha uma nova senha que só você conheça.</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Nova senha:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Repita-a:</translation>
        </message>
        <message>
            <source>&amp;Save password</source>
            <translation>&amp;Gravar senha</translation>
        </message>
        <message>
            <source>The two passwords differ. Type them again.</source>
            <translation>As duas senhas são diferentes. Escreva-as novamente.</translation>
        </message>
    </context>
    <context>
        <name>ConsumptionChart</name>
        <message>
            <source>Consumption and stock chart</source>
            <translation>Gráfico de consumo e stock</translation>
        </message>
        <message>
            <source>Nothing to show.</source>
            <translation>Nada a mostrar.</translation>
        </message>
        <message>
            <source>{months} months of consumption, {reported} reported; projected stock at the end: {stock}.</source>
            <translation>{months} meses de consumo, {reported} reportados; stock projetado no fim: {stock}.</translation>
        </message>
        <message>
            <source>Consumption</source>
            <translation>Consumo</translation>
        </message>
        <message>
            <source>This month so far</source>
            <translation>Este mês até agora</translation>
        </message>
        <message>
            <source>Forecast</source>
            <translation>Previsão</translation>
        </message>
        <message>
            <source>Likely range ({percent} % of months)</source>
            <translation>Intervalo provável ({percent} % dos meses)</translation>
        </message>
        <message>
            <source>Projected usable stock</source>
            <translation>Stock utilizável projetado</translation>
        </message>
        <message>
            <source>No month of consumption to show.</source>
            <translation>Nenhum mês de consumo a mostrar.</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoje</translation>
        </message>
        <message>
            <source>Consumption not reported</source>
            <translation>Consumo não reportado</translation>
        </message>
        <message>
            <source>Consumed so far: {quantity}</source>
            <translation>Consumido até agora: {quantity}</translation>
        </message>
        <message>
            <source>Consumed: {quantity}</source>
            <translation>Consumido: {quantity}</translation>
        </message>
        <message>
            <source>Days out of stock: {days}</source>
            <translation>Dias em ruptura: {days}</translation>
        </message>
        <message>
            <source>Forecast: {point} (between {lower} and {upper})</source>
            <translation>Previsão: {point} (entre {lower} e {upper})</translation>
        </message>
        <message>
            <source>Projected stock at the end of the month: {quantity}</source>
            <translation>Stock projetado no fim do mês: {quantity}</translation>
        </message>
        <message>
            <source>Expiring unused: {quantity}</source>
            <translation>Expira sem ser usado: {quantity}</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Painel</translation>
        </message>
        <message>
            <source>Open the &amp;requisition</source>
            <translation>Abrir a &amp;requisição</translation>
        </message>
        <message>
            <source>Requisition (R&amp;&amp;R)</source>
            <translation>Requisição (R&amp;&amp;R)</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Existente</translation>
        </message>
        <message>
            <source>Runs out</source>
            <translation>Esgota-se</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Encomendar</translation>
        </message>
        <message>
            <source>now, {days} days late</source>
            <translation>agora, {days} dias de atraso</translation>
        </message>
        <message>
            <source>now</source>
            <translation>agora</translation>
        </message>
        <message>
            <source>Ordered today, it arrives {days} days after the stock runs out.</source>
            <translation>Se for encomendado hoje, chega {days} dias depois de o stock se esgotar.</translation>
        </message>
        <message>
            <source>Ordered today, it arrives just in time.</source>
            <translation>Se for encomendado hoje, chega mesmo a tempo.</translation>
        </message>
        <message>
            <source>Products that, at their usual consumption, run out before an order placed today could arrive. Press Enter on one to open its stock card.</source>
            <translation>Produtos que, ao consumo habitual, se esgotam antes de poder chegar uma encomenda feita hoje. Prima Enter sobre um deles para abrir a respetiva ficha de stock.</translation>
        </message>
        <message>
            <source>Will run out before the next delivery</source>
            <translation>Vão esgotar-se antes da próxima entrega</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expira</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantidade</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Em risco</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used.</source>
            <translation>{quantity} vão expirar antes de serem usados.</translation>
        </message>
        <message>
            <source>Will be used before it expires, at the usual consumption.</source>
            <translation>Será usado antes de expirar, ao consumo habitual.</translation>
        </message>
        <message>
            <source>Expiring within {months} months</source>
            <translation>A expirar nos próximos {months} meses</translation>
        </message>
        <message>
            <source>Lots that expire within {months} months, earliest first. At risk: what will expire before it is used at the usual consumption; offer it to another facility.</source>
            <translation>Lotes que expiram nos próximos {months} meses, primeiro os que expiram mais cedo. Em risco: o que vai expirar antes de ser usado ao consumo habitual; ofereça-o a outra unidade sanitária.</translation>
        </message>
        <message>
            <source>Loading the dashboard…</source>
            <translation>A carregar o painel…</translation>
        </message>
        <message>
            <source>Loading the dashboard</source>
            <translation>A carregar o painel</translation>
        </message>
        <message>
            <source>{facility} on {day}</source>
            <translation>{facility} em {day}</translation>
        </message>
        <message>
            <source>One product has no consumption recorded yet, so its status is unknown: show it</source>
            <translation>Um produto ainda não tem consumo registado, por isso o seu estado é desconhecido: mostrá-lo</translation>
        </message>
        <message>
            <source>{count} products have no consumption recorded yet, so their status is unknown: show them</source>
            <translation>{count} produtos ainda não têm consumo registado, por isso o seu estado é desconhecido: mostrá-los</translation>
        </message>
        <message>
            <source>None: every product with stock lasts until an order placed today arrives.</source>
            <translation>Nenhum: todos os produtos com stock duram até chegar uma encomenda feita hoje.</translation>
        </message>
        <message>
            <source>No lot expires within {months} months.</source>
            <translation>Nenhum lote expira nos próximos {months} meses.</translation>
        </message>
        <message>
            <source>{program}: {status}</source>
            <translation>{program}: {status}</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} has been sent ({states}). The next one, for this month, is due by the {day} of next month.</source>
            <translation>O R&amp;R de {month} foi enviado ({states}). O próximo, referente a este mês, deve ser enviado até ao dia {day} do próximo mês.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is being prepared ({states}). It is due by {due}.</source>
            <translation>O R&amp;R de {month} está a ser preparado ({states}). Deve ser enviado até {due}.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and is not sent yet ({states}).</source>
            <translation>O R&amp;R de {month} devia ter sido enviado até {due} e ainda não foi enviado ({states}).</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} is due by {due}. It has not been started.</source>
            <translation>O R&amp;R de {month} deve ser enviado até {due}. Ainda não foi iniciado.</translation>
        </message>
        <message>
            <source>The R&amp;R for {month} was due by {due} and has not been started.</source>
            <translation>O R&amp;R de {month} devia ter sido enviado até {due} e ainda não foi iniciado.</translation>
        </message>
        <message>
            <source>Show the products whose status is {status}</source>
            <translation>Mostrar os produtos com o estado {status}</translation>
        </message>
        <message>
            <source>{status}: {count} products</source>
            <translation>{status}: {count} produtos</translation>
        </message>
    </context>
    <context>
        <name>DemoPage</name>
        <message>
            <source>The demo district</source>
            <translation>O distrito de demonstração</translation>
        </message>
        <message>
            <source>A made-up district to learn and try StockDesk.</source>
            <translation>Um distrito fictício para aprender e experimentar o StockDesk.</translation>
        </message>
        <message>
            <source>StockDesk will create a district store, its health centres and hospitals, products and several years of daily stock records. This takes a minute or two on an older computer.

Then sign in as one of the demo users: {users}. Their password is: demo.

Do not use the demo for real stock: set up a new database for that.</source>
            <translation>O StockDesk vai criar um depósito distrital, os seus centros de saúde e hospitais, produtos e vários anos de registos diários de stock. Isto demora um ou dois minutos num computador mais antigo.

Depois, inicie sessão como um dos utilizadores de demonstração: {users}. A senha é: demo.

Não use a demonstração para o stock real: para isso, crie uma nova base de dados.</translation>
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
            <translation>Todos os programas</translation>
        </message>
        <message>
            <source>P&amp;rogram:</source>
            <translation>P&amp;rograma:</translation>
        </message>
        <message>
            <source>&amp;Import folder…</source>
            <translation>I&amp;mportar pasta…</translation>
        </message>
        <message>
            <source>&amp;Consolidate</source>
            <translation>&amp;Consolidar</translation>
        </message>
        <message>
            <source>&amp;Open requisition</source>
            <translation>Abrir requi&amp;sição</translation>
        </message>
        <message>
            <source>Reporting</source>
            <translation>Reporte</translation>
        </message>
        <message>
            <source>Import a folder of R&amp;R workbooks sent by the facilities: each file is checked and imported whole, or refused with the reasons.</source>
            <translation>Importe uma pasta de livros R&amp;R enviados pelas unidades sanitárias: cada ficheiro é verificado e importado na íntegra, ou recusado com a indicação dos motivos.</translation>
        </message>
        <message>
            <source>Problems of the selected file</source>
            <translation>Problemas do ficheiro selecionado</translation>
        </message>
        <message>
            <source>Open the imported &amp;requisition</source>
            <translation>Abrir a requisição imp&amp;ortada</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importação</translation>
        </message>
        <message>
            <source>Consolidate sums the approved quantities of the period's requisitions into the district's order to the warehouse.</source>
            <translation>Consolidar soma as quantidades aprovadas nas requisições do período e gera a encomenda do distrito ao armazém.</translation>
        </message>
        <message>
            <source>&amp;Export warehouse order…</source>
            <translation>&amp;Exportar encomenda ao armazém…</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Encomenda</translation>
        </message>
        <message>
            <source>&amp;Back to the district</source>
            <translation>&amp;Voltar ao distrito</translation>
        </message>
        <message>
            <source>{missing} of {count} facilities have not reported for {period}: {names}.</source>
            <translation>{missing} de {count} unidades sanitárias não enviaram o relatório de {period}: {names}.</translation>
        </message>
        <message>
            <source>All {count} facilities have reported for {period}.</source>
            <translation>Todas as {count} unidades sanitárias enviaram o relatório de {period}.</translation>
        </message>
        <message>
            <source>Folder of R&amp;R workbooks to import</source>
            <translation>Pasta de livros R&amp;R a importar</translation>
        </message>
        <message>
            <source>The folder holds no Excel workbook (.xlsx).</source>
            <translation>A pasta não contém nenhum livro do Excel (.xlsx).</translation>
        </message>
        <message>
            <source>Importing {count} files…</source>
            <translation>A importar {count} ficheiros…</translation>
        </message>
        <message>
            <source>The import was cancelled.</source>
            <translation>A importação foi cancelada.</translation>
        </message>
        <message>
            <source>Importing requisitions</source>
            <translation>A importar requisições</translation>
        </message>
        <message>
            <source>{imported} imported, {replaced} replaced, {skipped} already there, {refused} refused.</source>
            <translation>{imported} importados, {replaced} substituídos, {skipped} já existentes, {refused} recusados.</translation>
        </message>
        <message>
            <source>{done} Cancelled: {left} of {count} files were not looked at and nothing of them was imported.</source>
            <translation>{done} Cancelado: {left} de {count} ficheiros não foram analisados e nada deles foi importado.</translation>
        </message>
        <message>
            <source>Problems of {file}: {count}</source>
            <translation>Problemas de {file}: {count}</translation>
        </message>
        <message>
            <source>Consolidating the district order</source>
            <translation>A consolidar a encomenda do distrito</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs; no product has a price to cost the order.</source>
            <translation>{ordering} de {count} unidades sanitárias a encomendar, {products} produtos, {packs} embalagens; nenhum produto tem preço para calcular o custo da encomenda.</translation>
        </message>
        <message>
            <source>{ordering} of {count} facilities ordering, {products} products, {packs} packs, total cost {cost}.</source>
            <translation>{ordering} de {count} unidades sanitárias a encomendar, {products} produtos, {packs} embalagens, custo total {cost}.</translation>
        </message>
        <message>
            <source>Nothing approved to order for {period} yet: approve the facilities' requisitions first.</source>
            <translation>Ainda não há nada aprovado para encomendar em {period}: aprove primeiro as requisições das unidades sanitárias.</translation>
        </message>
        <message>
            <source>Not reported: {names}</source>
            <translation>Sem relatório: {names}</translation>
        </message>
        <message>
            <source>Not yet approved: {names}</source>
            <translation>Ainda sem aprovação: {names}</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Livro do Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Order file for the warehouse, CSV (*.csv)</source>
            <translation>Ficheiro de encomenda para o armazém, CSV (*.csv)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export the warehouse order</source>
            <translation>Exportar a encomenda ao armazém</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Gravado em {path}</translation>
        </message>
        <message>
            <source>Writing the warehouse order</source>
            <translation>A gerar a encomenda ao armazém</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Já importado</translation>
        </message>
        <message>
            <source>Approved (units)</source>
            <translation>Aprovado (unid.)</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Coluna</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Custo</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Emergência</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erros</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Unidades sanitárias</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Unidade sanitária</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Ficheiro</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>De um ficheiro</translation>
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
            <translation>Linhas</translation>
        </message>
        <message>
            <source>Made here</source>
            <translation>Criada aqui</translation>
        </message>
        <message>
            <source>Not reported</source>
            <translation>Sem relatório</translation>
        </message>
        <message>
            <source>Not sent (draft)</source>
            <translation>Não enviada (rascunho)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Embalagens</translation>
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
            <translation>Produto</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Recebido</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Recusado</translation>
        </message>
        <message>
            <source>Replaced the earlier version</source>
            <translation>Substituiu a versão anterior</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Linha</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Folha</translation>
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
            <translation>qualquer programa</translation>
        </message>
    </context>
    <context>
        <name>EntryChecks</name>
        <message>
            <source>Choose a product.</source>
            <translation>Escolha um produto.</translation>
        </message>
        <message>
            <source>Choose why the count differs from the book.</source>
            <translation>Escolha o motivo da diferença entre o inventário e o stock registado.</translation>
        </message>
        <message>
            <source>Line {line}, {column}: {problem}</source>
            <translation>Linha {line}, {column}: {problem}</translation>
        </message>
        <message>
            <source>Lot {lot} has expired: it cannot be issued.</source>
            <translation>O lote {lot} expirou: não pode ser distribuído.</translation>
        </message>
        <message>
            <source>Lot {lot} has no stock here.</source>
            <translation>O lote {lot} não tem stock aqui.</translation>
        </message>
        <message>
            <source>No product matches “{text}”.</source>
            <translation>Nenhum produto corresponde a «{text}».</translation>
        </message>
        <message>
            <source>Not a date: type it as YYYY-MM-DD or MM/YYYY.</source>
            <translation>Não é uma data: escreva-a como AAAA-MM-DD ou MM/AAAA.</translation>
        </message>
        <message>
            <source>Only {available} can be taken: the balance may not go below zero.</source>
            <translation>Só é possível retirar {available}: o saldo não pode ficar abaixo de zero.</translation>
        </message>
        <message>
            <source>This lot expired on {date}.</source>
            <translation>Este lote expirou em {date}.</translation>
        </message>
        <message>
            <source>Type a whole number above zero.</source>
            <translation>Escreva um número inteiro maior que zero.</translation>
        </message>
        <message>
            <source>Type at least one line.</source>
            <translation>Preencha pelo menos uma linha.</translation>
        </message>
        <message>
            <source>Type the number counted (0 or more).</source>
            <translation>Escreva a quantidade contada (0 ou mais).</translation>
        </message>
        <message>
            <source>Type the number counted.</source>
            <translation>Escreva a quantidade contada.</translation>
        </message>
        <message>
            <source>Type the quantity.</source>
            <translation>Escreva a quantidade.</translation>
        </message>
        <message>
            <source>{count} products match “{text}”: choose one from the list.</source>
            <translation>{count} produtos correspondem a «{text}»: escolha um na lista.</translation>
        </message>
    </context>
    <context>
        <name>EntryGrid</name>
        <message>
            <source>Code, name or scan</source>
            <translation>Código, nome ou código de barras</translation>
        </message>
        <message>
            <source>YYYY-MM-DD or MM/YYYY</source>
            <translation>AAAA-MM-DD ou MM/AAAA</translation>
        </message>
    </context>
    <context>
        <name>EntryLines</name>
        <message>
            <source>Available</source>
            <translation>Disponível</translation>
        </message>
        <message>
            <source>Book balance</source>
            <translation>Saldo registado</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Validade</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>No product in the catalogue has the barcode {gtin}; type the product code, or ask the district to add the barcode.</source>
            <translation>Nenhum produto do catálogo tem o código de barras {gtin}; escreva o código do produto ou peça ao distrito que adicione o código de barras.</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantidade</translation>
        </message>
        <message>
            <source>Suggested lot (FEFO)</source>
            <translation>Lote sugerido (FEFO)</translation>
        </message>
        <message>
            <source>This scan could not be read; scan it again or type the product code.</source>
            <translation>Não foi possível ler este código de barras; leia-o novamente ou escreva o código do produto.</translation>
        </message>
        <message>
            <source>Variance</source>
            <translation>Diferença</translation>
        </message>
        <message>
            <source>Variance reason</source>
            <translation>Motivo da diferença</translation>
        </message>
        <message>
            <source>no lot</source>
            <translation>sem lote</translation>
        </message>
        <message>
            <source>no usable stock</source>
            <translation>sem stock utilizável</translation>
        </message>
        <message>
            <source>{lot} (expires {expiry}): {balance}</source>
            <translation>{lot} (expira em {expiry}): {balance}</translation>
        </message>
        <message>
            <source>{lot}: {balance}, expires {expiry}</source>
            <translation>{lot}: {balance}, expira em {expiry}</translation>
        </message>
    </context>
    <context>
        <name>EntryPage</name>
        <message>
            <source>Entry</source>
            <translation>Registo</translation>
        </message>
        <message>
            <source>&amp;Receive</source>
            <translation>&amp;Receção</translation>
        </message>
        <message>
            <source>&amp;Issue</source>
            <translation>&amp;Saída</translation>
        </message>
        <message>
            <source>Transfer &amp;out</source>
            <translation>Tra&amp;nsferência de saída</translation>
        </message>
        <message>
            <source>Transfer i&amp;n</source>
            <translation>Transferência de &amp;entrada</translation>
        </message>
        <message>
            <source>Physical &amp;count</source>
            <translation>&amp;Inventário físico</translation>
        </message>
        <message>
            <source>Re&amp;verse a movement</source>
            <translation>&amp;Anular um movimento</translation>
        </message>
        <message>
            <source>Tab or Enter: next cell · Enter on the last cell: new line · Delete: remove line · Esc: undo the cell · Ctrl+S: post</source>
            <translation>Tab ou Enter: célula seguinte · Enter na última célula: nova linha · Delete: remover linha · Esc: desfazer a célula · Ctrl+S: registar</translation>
        </message>
        <message>
            <source>&amp;Post (Ctrl+S)</source>
            <translation>Re&amp;gistar (Ctrl+S)</translation>
        </message>
        <message>
            <source>Lo&amp;ss</source>
            <translation>&amp;Perda</translation>
        </message>
        <message>
            <source>Ad&amp;justment</source>
            <translation>A&amp;juste</translation>
        </message>
        <message>
            <source>Print coun&amp;t sheet…</source>
            <translation>Imprimir fol&amp;ha de inventário…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Limpar</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>Da&amp;ta:</translation>
        </message>
        <message>
            <source>R&amp;eference:</source>
            <translation>Referên&amp;cia:</translation>
        </message>
        <message>
            <source>Re&amp;ason:</source>
            <translation>Moti&amp;vo:</translation>
        </message>
        <message>
            <source>Progra&amp;m:</source>
            <translation>Progra&amp;ma:</translation>
        </message>
        <message>
            <source>Why is this movement wrong?</source>
            <translation>Porque é que este movimento está errado?</translation>
        </message>
        <message>
            <source>&amp;Why is it reversed:</source>
            <translation>Motivo da anu&amp;lação:</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Todos os programas</translation>
        </message>
        <message>
            <source>S&amp;upplier:</source>
            <translation>&amp;Fornecedor:</translation>
        </message>
        <message>
            <source>Issued &amp;to:</source>
            <translation>Distri&amp;buído a:</translation>
        </message>
        <message>
            <source>&amp;To (facility or health worker):</source>
            <translation>&amp;Destino (unidade sanitária ou agente de saúde):</translation>
        </message>
        <message>
            <source>Fro&amp;m (facility or health worker):</source>
            <translation>&amp;Origem (unidade sanitária ou agente de saúde):</translation>
        </message>
        <message>
            <source>Delivery note num&amp;ber:</source>
            <translation>N.º da g&amp;uia de remessa:</translation>
        </message>
        <message>
            <source>Choose a reason</source>
            <translation>Escolha um motivo</translation>
        </message>
        <message>
            <source>Choose the movement with the arrow keys, say why, then Ctrl+S posts its exact opposite.</source>
            <translation>Escolha o movimento com as teclas de seta, indique o motivo e prima Ctrl+S para registar o movimento exatamente inverso.</translation>
        </message>
        <message>
            <source>Type what you counted in Counted; a difference from the book needs a reason · Ctrl+S: post the count</source>
            <translation>Escreva em «Contado» o que contou; uma diferença em relação ao stock registado precisa de um motivo · Ctrl+S: registar o inventário</translation>
        </message>
        <message>
            <source>Loading the count sheet…</source>
            <translation>A carregar a folha de inventário…</translation>
        </message>
        <message>
            <source>Save the count sheet</source>
            <translation>Gravar a folha de inventário</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Ficheiros PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The count sheet was saved to {file}.</source>
            <translation>A folha de inventário foi gravada em {file}.</translation>
        </message>
        <message>
            <source>Writing the count sheet…</source>
            <translation>A gerar a folha de inventário…</translation>
        </message>
        <message>
            <source>Loading movements…</source>
            <translation>A carregar os movimentos…</translation>
        </message>
        <message>
            <source>Choose a reason.</source>
            <translation>Escolha um motivo.</translation>
        </message>
        <message>
            <source>Choose the other facility, or type the health worker's name.</source>
            <translation>Escolha a outra unidade sanitária ou escreva o nome do agente de saúde.</translation>
        </message>
        <message>
            <source>Type at least one counted quantity.</source>
            <translation>Escreva pelo menos uma quantidade contada.</translation>
        </message>
        <message>
            <source>Choose the movement to reverse.</source>
            <translation>Escolha o movimento a anular.</translation>
        </message>
        <message>
            <source>Say why this movement is reversed.</source>
            <translation>Indique por que motivo este movimento é anulado.</translation>
        </message>
        <message>
            <source>Posting…</source>
            <translation>A registar…</translation>
        </message>
        <message>
            <source>{kind} posted as movement {id}: {lines} lines.</source>
            <translation>{kind}: registado o movimento {id}, com {lines} linhas.</translation>
        </message>
        <message>
            <source>The difference from the book was posted as adjustment {ids}.</source>
            <translation>A diferença em relação ao stock registado foi lançada como ajuste {ids}.</translation>
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
            <translation>Data</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Linhas</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>N.º</translation>
        </message>
        <message>
            <source>Other party</source>
            <translation>Outra parte</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referência</translation>
        </message>
        <message>
            <source>A count is corrected by a new physical count.</source>
            <translation>Um inventário corrige-se com um novo inventário físico.</translation>
        </message>
        <message>
            <source>A physical count cannot be reversed: what was counted is corrected by posting a new physical count.</source>
            <translation>Um inventário físico não pode ser anulado: o que foi contado corrige-se registando um novo inventário físico.</translation>
        </message>
        <message>
            <source>Already reversed by movement {id}.</source>
            <translation>Já anulado pelo movimento {id}.</translation>
        </message>
        <message>
            <source>Can it be reversed?</source>
            <translation>Pode ser anulado?</translation>
        </message>
        <message>
            <source>Choose a date on or after {date}.</source>
            <translation>Escolha uma data a partir de {date}.</translation>
        </message>
        <message>
            <source>Counted on {date}: choose a later date.</source>
            <translation>Contado em {date}: escolha uma data posterior.</translation>
        </message>
        <message>
            <source>Counted on {date}: correct it with a new physical count.</source>
            <translation>Contado em {date}: corrija com um novo inventário físico.</translation>
        </message>
        <message>
            <source>It cannot be reversed.</source>
            <translation>Não pode ser anulado.</translation>
        </message>
        <message>
            <source>Movement {id} is dated {date}: its reversal cannot be dated before it. Choose a date on or after {date}.</source>
            <translation>O movimento {id} tem data de {date}: a sua anulação não pode ter data anterior. Escolha uma data a partir de {date}.</translation>
        </message>
        <message>
            <source>Movement {id} reverses movement {original}; to undo it, post the movement again.</source>
            <translation>O movimento {id} anula o movimento {original}; para o desfazer, registe de novo o movimento.</translation>
        </message>
        <message>
            <source>Movement {id} was already reversed by movement {by}; it cannot be reversed twice.</source>
            <translation>O movimento {id} já foi anulado pelo movimento {by}; não pode ser anulado duas vezes.</translation>
        </message>
        <message>
            <source>This reverses movement {id}.</source>
            <translation>Isto anula o movimento {id}.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sim</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count, so this movement can no longer be reversed: post a new physical count to correct the stock.</source>
            <translation>{product} foi contado em {date}. Nada pode ser registado na data de um inventário físico ou antes, por isso este movimento já não pode ser anulado: registe um novo inventário físico para corrigir o stock.</translation>
        </message>
        <message>
            <source>{product} was counted on {date}. Nothing can be posted on or before a physical count: choose a date after {date} to reverse this movement.</source>
            <translation>{product} foi contado em {date}. Nada pode ser registado na data de um inventário físico ou antes: escolha uma data posterior a {date} para anular este movimento.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Another StockDesk window or program is saving to the database. Wait a moment and try again.</source>
            <translation>Outra janela do StockDesk ou outro programa está a gravar na base de dados. Aguarde um momento e tente novamente.</translation>
        </message>
        <message>
            <source>The disk is full, so nothing was saved. Free some space (or move old backups to a USB stick) and try again.</source>
            <translation>O disco está cheio, por isso nada foi gravado. Liberte algum espaço (ou passe cópias de segurança antigas para uma pen USB) e tente novamente.</translation>
        </message>
        <message>
            <source>The database file cannot be written (it is read-only or on a locked drive). Nothing was saved. Ask whoever manages this computer.</source>
            <translation>Não é possível gravar no ficheiro da base de dados (é só de leitura ou está numa unidade bloqueada). Nada foi gravado. Peça ajuda a quem gere este computador.</translation>
        </message>
        <message>
            <source>The database cannot be reached. Check that the drive or the district server is available, then try again.</source>
            <translation>Não é possível aceder à base de dados. Verifique se a unidade ou o servidor distrital está disponível e tente novamente.</translation>
        </message>
        <message>
            <source>The file was not found: {file}</source>
            <translation>O ficheiro não foi encontrado: {file}</translation>
        </message>
        <message>
            <source>Please check</source>
            <translation>Verifique, por favor</translation>
        </message>
        <message>
            <source>Could not finish</source>
            <translation>Não foi possível concluir</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Algo correu mal</translation>
        </message>
        <message>
            <source>StockDesk met an unexpected error. Nothing half-done was saved. Use Copy details to send the details to your support person.</source>
            <translation>O StockDesk encontrou um erro inesperado. Nada ficou gravado a meio. Use «Copiar detalhes» para enviar os detalhes à pessoa que lhe dá apoio técnico.</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Copiar detalhes</translation>
        </message>
    </context>
    <context>
        <name>ExplainPanel</name>
        <message>
            <source>usable stock on hand</source>
            <translation>stock existente utilizável</translation>
        </message>
        <message>
            <source>average monthly consumption</source>
            <translation>consumo médio mensal</translation>
        </message>
        <message>
            <source>months of stock</source>
            <translation>meses de stock</translation>
        </message>
        <message>
            <source>maximum months of stock</source>
            <translation>máximo de meses de stock</translation>
        </message>
        <message>
            <source>minimum months of stock</source>
            <translation>mínimo de meses de stock</translation>
        </message>
        <message>
            <source>emergency order point, in months of stock</source>
            <translation>ponto de encomenda de emergência, em meses de stock</translation>
        </message>
        <message>
            <source>maximum stock quantity</source>
            <translation>quantidade máxima de stock</translation>
        </message>
        <message>
            <source>order quantity</source>
            <translation>quantidade a encomendar</translation>
        </message>
        <message>
            <source>stock that will expire before it is used</source>
            <translation>stock que vai expirar antes de ser usado</translation>
        </message>
        <message>
            <source>order quantity without the expiry check</source>
            <translation>quantidade a encomendar sem a verificação dos prazos de validade</translation>
        </message>
        <message>
            <source>approved and not yet received</source>
            <translation>aprovado e ainda não recebido</translation>
        </message>
        <message>
            <source>calculation profile</source>
            <translation>perfil de cálculo</translation>
        </message>
        <message>
            <source>months of the window</source>
            <translation>meses da janela</translation>
        </message>
        <message>
            <source>adjusted consumption of each month</source>
            <translation>consumo ajustado de cada mês</translation>
        </message>
        <message>
            <source>consumption of the month</source>
            <translation>consumo do mês</translation>
        </message>
        <message>
            <source>days out of stock in the month</source>
            <translation>dias em ruptura no mês</translation>
        </message>
        <message>
            <source>days the month counts for</source>
            <translation>dias considerados no mês</translation>
        </message>
        <message>
            <source>month</source>
            <translation>mês</translation>
        </message>
        <message>
            <source>stock counted at the end of</source>
            <translation>stock contado no fim de</translation>
        </message>
        <message>
            <source>forecast of each month</source>
            <translation>previsão de cada mês</translation>
        </message>
        <message>
            <source>deliveries expected before the stockout</source>
            <translation>entregas previstas antes da ruptura</translation>
        </message>
        <message>
            <source>the projection looks up to</source>
            <translation>a projeção vai até</translation>
        </message>
        <message>
            <source>days the usable stock covers</source>
            <translation>dias cobertos pelo stock utilizável</translation>
        </message>
        <message>
            <source>projected stockout date</source>
            <translation>data prevista da ruptura</translation>
        </message>
        <message>
            <source>today</source>
            <translation>hoje</translation>
        </message>
        <message>
            <source>lead time, in days</source>
            <translation>prazo de entrega, em dias</translation>
        </message>
        <message>
            <source>the order is already late</source>
            <translation>a encomenda já está atrasada</translation>
        </message>
        <message>
            <source>days late</source>
            <translation>dias de atraso</translation>
        </message>
        <message>
            <source>next delivery</source>
            <translation>próxima entrega</translation>
        </message>
        <message>
            <source>stock must last until</source>
            <translation>o stock tem de durar até</translation>
        </message>
        <message>
            <source>used before expiry</source>
            <translation>usado antes de expirar</translation>
        </message>
        <message>
            <source>at risk in this lot</source>
            <translation>em risco neste lote</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <source>no</source>
            <translation>não</translation>
        </message>
        <message>
            <source>rounded up to a whole unit</source>
            <translation>arredondado por excesso à unidade</translation>
        </message>
        <message>
            <source>rounded half up to a whole unit</source>
            <translation>arredondado à unidade mais próxima (metades para cima)</translation>
        </message>
        <message>
            <source>rounded half up to two decimals</source>
            <translation>arredondado a duas casas decimais (metades para cima)</translation>
        </message>
        <message>
            <source>not rounded</source>
            <translation>sem arredondamento</translation>
        </message>
        <message>
            <source>How each figure was computed</source>
            <translation>Como foi calculado cada valor</translation>
        </message>
        <message>
            <source>Open a product to see how its figures were computed.</source>
            <translation>Abra um produto para ver como foram calculados os seus valores.</translation>
        </message>
        <message>
            <source>How the figures of {product} were computed</source>
            <translation>Como foram calculados os valores de {product}</translation>
        </message>
        <message>
            <source>Stock at the end of {day}.</source>
            <translation>Stock no fim de {day}.</translation>
        </message>
        <message>
            <source>Calculation profile: {profile} ({rule}).</source>
            <translation>Perfil de cálculo: {profile} ({rule}).</translation>
        </message>
        <message>
            <source>No stock levels are set for this program at this type of facility: StockDesk's default levels are used.</source>
            <translation>Não há níveis de stock definidos para este programa neste tipo de unidade sanitária: são usados os níveis predefinidos do StockDesk.</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avisos</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de stock</translation>
        </message>
        <message>
            <source>Shown to one decimal, rounded half up; more decimals only where one decimal would seem to cross a level.</source>
            <translation>Apresentado com uma casa decimal, arredondado ao mais próximo (metades para cima); mais casas decimais só quando uma casa decimal daria a impressão de ultrapassar um nível.</translation>
        </message>
        <message>
            <source>Maximum stock quantity (H)</source>
            <translation>Quantidade máxima de stock (H)</translation>
        </message>
        <message>
            <source>Rounded half up to a whole unit.</source>
            <translation>Arredondado à unidade mais próxima (metades para cima).</translation>
        </message>
        <message>
            <source>Order quantity (I)</source>
            <translation>Quantidade a encomendar (I)</translation>
        </message>
        <message>
            <source>Never below zero: with enough stock nothing is ordered.</source>
            <translation>Nunca abaixo de zero: com stock suficiente, nada é encomendado.</translation>
        </message>
        <message>
            <source>Order quantity, not counting stock that will expire</source>
            <translation>Quantidade a encomendar, sem contar o stock que vai expirar</translation>
        </message>
        <message>
            <source>Levels: maximum {max} months, minimum {min} months, emergency order point {eop} months of stock.</source>
            <translation>Níveis: máximo {max} meses, mínimo {min} meses, ponto de encomenda de emergência {eop} meses de stock.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Ruptura prevista</translation>
        </message>
        <message>
            <source>Not within the projection</source>
            <translation>Fora do período da projeção</translation>
        </message>
        <message>
            <source>from the day after {start} up to {end}.</source>
            <translation>do dia seguinte a {start} até {end}.</translation>
        </message>
        <message>
            <source>Whole days: the first day the demand cannot be met in full.</source>
            <translation>Dias inteiros: o primeiro dia em que a procura não pode ser totalmente satisfeita.</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Encomendar até</translation>
        </message>
        <message>
            <source>Quantity at risk of expiry</source>
            <translation>Quantidade em risco de expirar</translation>
        </message>
        <message>
            <source>lots expiring up to {day}, used first-expiry-first-out at the average monthly consumption.</source>
            <translation>lotes que expiram até {day}, usados pela regra «primeiro a expirar, primeiro a sair» ao consumo médio mensal.</translation>
        </message>
        <message>
            <source>Whole units.</source>
            <translation>Unidades inteiras.</translation>
        </message>
        <message>
            <source>Known from monthly reports only: no lots, so no expiry dates.</source>
            <translation>Conhecido apenas pelos relatórios mensais: sem lotes, por isso sem prazos de validade.</translation>
        </message>
        <message>
            <source>the {count} complete months of the window: {months}.</source>
            <translation>os {count} meses completos da janela: {months}.</translation>
        </message>
        <message>
            <source>No month of consumption reported in the window.</source>
            <translation>Nenhum mês de consumo reportado na janela.</translation>
        </message>
        <message>
            <source>Each month's N is {n}; the average P is {p}.</source>
            <translation>O N de cada mês é {n}; a média P é {p}.</translation>
        </message>
        <message>
            <source>Average monthly consumption (AMC)</source>
            <translation>Consumo médio mensal (CMM)</translation>
        </message>
        <message>
            <source>Adjusted consumption N per month</source>
            <translation>Consumo ajustado N por mês</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mês</translation>
        </message>
        <message>
            <source>Consumed (C)</source>
            <translation>Consumido (C)</translation>
        </message>
        <message>
            <source>Days out (X)</source>
            <translation>Dias rupt. (X)</translation>
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
            <translation>Um mês com dias em ruptura é ajustado para o que teria sido com stock todos os dias: {rule}.</translation>
        </message>
        <message>
            <source>Window: {window}</source>
            <translation>Janela: {window}</translation>
        </message>
        <message>
            <source>Rounding: {rounding}</source>
            <translation>Arredondamento: {rounding}</translation>
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
            <translation>Nome</translation>
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
            <translation>Região</translation>
        </message>
        <message>
            <source>Supplied by</source>
            <translation>Abastecida por</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Ativa</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <source>no</source>
            <translation>não</translation>
        </message>
        <message>
            <source>&amp;New facility</source>
            <translation>&amp;Nova unidade sanitária</translation>
        </message>
        <message>
            <source>Sa&amp;ve facility</source>
            <translation>Gra&amp;var unidade sanitária</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>No&amp;me:</translation>
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
            <translation>Re&amp;gião:</translation>
        </message>
        <message>
            <source>Supplied &amp;by:</source>
            <translation>Abastecida &amp;por:</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>&amp;Em uso:</translation>
        </message>
        <message>
            <source>Open and reporting</source>
            <translation>Aberta e a reportar</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>M&amp;otivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Porquê (fica no registo de auditoria)</translation>
        </message>
        <message>
            <source>Code, name or district</source>
            <translation>Código, nome ou distrito</translation>
        </message>
        <message>
            <source>(nobody: supplied from outside the district)</source>
            <translation>(ninguém: abastecida de fora do distrito)</translation>
        </message>
        <message>
            <source>New facility</source>
            <translation>Nova unidade sanitária</translation>
        </message>
        <message>
            <source>Facility {code}</source>
            <translation>Unidade sanitária {code}</translation>
        </message>
    </context>
    <context>
        <name>FacilityType</name>
        <message>
            <source>Health centre</source>
            <translation>Centro de saúde</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <source>District store</source>
            <translation>Depósito distrital</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Saving facilities and products…</source>
            <translation>A gravar unidades sanitárias e produtos…</translation>
        </message>
        <message>
            <source>Creating the demo users…</source>
            <translation>A criar os utilizadores de demonstração…</translation>
        </message>
        <message>
            <source>Simulating months of daily work…</source>
            <translation>A simular meses de trabalho diário…</translation>
        </message>
        <message>
            <source>Writing the stock cards…</source>
            <translation>A gerar as fichas de stock…</translation>
        </message>
        <message>
            <source>Creating the facility, the administrator and the catalogue…</source>
            <translation>A criar a unidade sanitária, o administrador e o catálogo…</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>StockDesk: first start</source>
            <translation>StockDesk: primeiro arranque</translation>
        </message>
        <message>
            <source>Building the demo district</source>
            <translation>A criar o distrito de demonstração</translation>
        </message>
        <message>
            <source>Setting up StockDesk</source>
            <translation>A configurar o StockDesk</translation>
        </message>
        <message>
            <source>Please check what is marked in red on the earlier pages.</source>
            <translation>Verifique o que está assinalado a vermelho nas páginas anteriores.</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Bring in records exported from another system or a spreadsheet. Each file is imported whole or not at all: if one of its rows has an error, nothing of that file is saved. A file imported before is recognised and changes nothing.</source>
            <translation>Importe dados exportados de outro sistema ou de uma folha de cálculo. Cada ficheiro é importado por inteiro ou não é importado: se uma das suas linhas tiver um erro, nada desse ficheiro é guardado. Um ficheiro já importado é reconhecido e não altera nada.</translation>
        </message>
        <message>
            <source>&amp;What the files hold:</source>
            <translation>&amp;Conteúdo dos ficheiros:</translation>
        </message>
        <message>
            <source>&amp;Choose files…</source>
            <translation>Esc&amp;olher ficheiros…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Ficheiro</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Linhas</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Gravidade</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Folha</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Linha</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Coluna</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>File&amp;s:</source>
            <translation>Fichei&amp;ros:</translation>
        </message>
        <message>
            <source>&amp;Problems in the selected file (row and column as the spreadsheet shows them):</source>
            <translation>&amp;Problemas do ficheiro seleccionado (linha e coluna tal como a folha de cálculo as mostra):</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Unidades sanitárias</translation>
        </message>
        <message>
            <source>Product catalogue</source>
            <translation>Catálogo de produtos</translation>
        </message>
        <message>
            <source>Stock levels</source>
            <translation>Níveis de stock</translation>
        </message>
        <message>
            <source>Ledger transactions</source>
            <translation>Transações do registo</translation>
        </message>
        <message>
            <source>Monthly history (LMIS reports)</source>
            <translation>Histórico mensal (relatórios do SIGL)</translation>
        </message>
        <message>
            <source>One row per facility: its code, name, type (health centre, hospital or district store), district, region and the code of the facility that supplies it. A facility already known is updated.</source>
            <translation>Uma linha por unidade sanitária: o seu código, nome, tipo (centro de saúde, hospital ou depósito distrital), distrito, província e o código da unidade sanitária que a abastece. Uma unidade sanitária já conhecida é actualizada.</translation>
        </message>
        <message>
            <source>One row per product: code, name, strength, form, dispensing unit, pack size, price per pack, program, ATC code and barcode (GTIN). A product already known is updated.</source>
            <translation>Uma linha por produto: código, nome, dosagem, forma, unidade de dispensa, tamanho da embalagem, preço por embalagem, programa, código ATC e código de barras (GTIN). Um produto já conhecido é actualizado.</translation>
        </message>
        <message>
            <source>One row per program and facility type: maximum, minimum and emergency order point in months of stock, lead time and review period in months.</source>
            <translation>Uma linha por programa e tipo de unidade sanitária: máximo, mínimo e ponto de encomenda de emergência em meses de stock, prazo de entrega e período de revisão em meses.</translation>
        </message>
        <message>
            <source>One row per stock movement: date, facility code, product code, kind (receipt, issue, loss, adjustment, transfer or physical count) and quantity; lot, expiry, reason and reference when known.</source>
            <translation>Uma linha por movimento de stock: data, código da unidade sanitária, código do produto, tipo (entrada, saída, perda, ajuste, transferência ou inventário físico) e quantidade; lote, validade, motivo e referência quando conhecidos.</translation>
        </message>
        <message>
            <source>One row per facility, product and month: opening balance (A), received (B), consumed (C), losses and adjustments (D), closing balance (E) and stockout days (X).</source>
            <translation>Uma linha por unidade sanitária, produto e mês: stock inicial (A), quantidade recebida (B), quantidade consumida (C), perdas e ajustes (D), stock final (E) e dias de rotura (X).</translation>
        </message>
        <message>
            <source>Columns (* required): {columns}. Common other headers are recognised too; dates are YYYY-MM-DD or DD/MM/YYYY, months YYYY-MM.</source>
            <translation>Colunas (* obrigatórias): {columns}. Outros cabeçalhos comuns também são reconhecidos; as datas são AAAA-MM-DD ou DD/MM/AAAA, os meses AAAA-MM.</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importado</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>Já importado</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Recusado</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Não importado</translation>
        </message>
        <message>
            <source>Choose the files to import</source>
            <translation>Escolher os ficheiros a importar</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
            <translation>Folhas de cálculo (*.csv *.xlsx);;Todos os ficheiros (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>A importar…</translation>
        </message>
        <message>
            <source>Importing {file} (file {number} of {count})…</source>
            <translation>A importar {file} (ficheiro {number} de {count})…</translation>
        </message>
        <message>
            <source>Importing {kind}…</source>
            <translation>A importar: {kind}…</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}. A file not imported changed nothing: correct the rows listed below and import it again.</source>
            <translation>Ficheiros importados: {imported} de {count}. Um ficheiro não importado não alterou nada: corrija as linhas indicadas abaixo e importe-o novamente.</translation>
        </message>
        <message>
            <source>Files imported: {imported} of {count}.</source>
            <translation>Ficheiros importados: {imported} de {count}.</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing changed.</source>
            <translation>A importação foi cancelada; nada foi alterado.</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Receipt</source>
            <translation>Receção</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Saída</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>Perda</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>Transferência de entrada</translation>
        </message>
        <message>
            <source>Transfer out</source>
            <translation>Transferência de saída</translation>
        </message>
        <message>
            <source>Physical count</source>
            <translation>Inventário físico</translation>
        </message>
        <message>
            <source>Reversal</source>
            <translation>Anulação</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to StockDesk</source>
            <translation>Bem-vindo ao StockDesk</translation>
        </message>
        <message>
            <source>This computer has no StockDesk data yet. A few questions, and it is ready.</source>
            <translation>Este computador ainda não tem dados do StockDesk. Responda a algumas perguntas e fica pronto.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Idioma:</translation>
        </message>
        <message>
            <source>How do you want to start?</source>
            <translation>Como deseja começar?</translation>
        </message>
        <message>
            <source>&amp;Set up this computer for a health facility or a district office</source>
            <translation>&amp;Configurar este computador para uma unidade sanitária ou uma direção distrital</translation>
        </message>
        <message>
            <source>&amp;Try StockDesk with a demo district (training; made-up data)</source>
            <translation>&amp;Experimentar o StockDesk com um distrito de demonstração (formação; dados fictícios)</translation>
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
            <translation>&amp;Avisar da expiração dentro de:</translation>
        </message>
        <message>
            <source>The language changes at once for every screen. Lots expiring within the warning horizon are shown at risk in the stock screens and the expiry report.</source>
            <translation>O idioma muda imediatamente em todos os ecrãs. Os lotes que expiram dentro do horizonte de aviso são apresentados como em risco nos ecrãs de stock e no relatório de prazos de validade.</translation>
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
            <translation>Tipo de unidade</translation>
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
            <translation>Ponto de emergência</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>Prazo de entrega</translation>
        </message>
        <message>
            <source>Review period</source>
            <translation>Período de revisão</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Definido</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <source>default</source>
            <translation>predefinido</translation>
        </message>
        <message>
            <source>Not set yet: the default levels apply until you save them.</source>
            <translation>Ainda não definido: aplicam-se os níveis predefinidos até os gravar.</translation>
        </message>
        <message>
            <source>Sa&amp;ve levels</source>
            <translation>Gra&amp;var níveis</translation>
        </message>
        <message>
            <source>Ma&amp;ximum stock:</source>
            <translation>Stock má&amp;ximo:</translation>
        </message>
        <message>
            <source>Mi&amp;nimum stock:</source>
            <translation>Stock mí&amp;nimo:</translation>
        </message>
        <message>
            <source>&amp;Emergency order point:</source>
            <translation>Ponto de encomenda de &amp;emergência:</translation>
        </message>
        <message>
            <source>Lead &amp;time:</source>
            <translation>Prazo de en&amp;trega:</translation>
        </message>
        <message>
            <source>Review &amp;period:</source>
            <translation>&amp;Período de revisão:</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>M&amp;otivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Porquê (fica no registo de auditoria)</translation>
        </message>
        <message>
            <source>Levels are in months of stock. Order up to the maximum at each review; below the minimum, order now; below the emergency order point, order an emergency delivery. The minimum is usually lead time + safety stock.</source>
            <translation>Os níveis são expressos em meses de stock. Em cada revisão, encomende até ao máximo; abaixo do mínimo, encomende já; abaixo do ponto de encomenda de emergência, peça uma entrega de emergência. O mínimo é normalmente o prazo de entrega + o stock de segurança.</translation>
        </message>
        <message>
            <source>Choose a program and facility type in the list.</source>
            <translation>Escolha um programa e um tipo de unidade sanitária na lista.</translation>
        </message>
        <message>
            <source>Levels of {program} at a {type}</source>
            <translation>Níveis de {program} para {type}</translation>
        </message>
        <message>
            <source>The minimum ({min} months) is above the maximum ({max} months): check both.</source>
            <translation>O mínimo ({min} meses) é superior ao máximo ({max} meses): verifique ambos.</translation>
        </message>
        <message>
            <source>The emergency order point ({eop} months) should be below the minimum ({min} months).</source>
            <translation>O ponto de encomenda de emergência ({eop} meses) deve ser inferior ao mínimo ({min} meses).</translation>
        </message>
        <message>
            <source>Saved {what}, with a warning: see the fields marked.</source>
            <translation>Gravado com um aviso: {what}. Veja os campos assinalados.</translation>
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
            <translation>Unidade sanitária</translation>
        </message>
        <message>
            <source>&amp;Facility:</source>
            <translation>&amp;Unidade sanitária:</translation>
        </message>
        <message>
            <source>{user} ({role})</source>
            <translation>{user} ({role})</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>Base de dados: {where}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Ficheiro</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>&amp;Terminar sessão</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Sair</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Atualizar</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>I&amp;dioma</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Ajuda</translation>
        </message>
        <message>
            <source>&amp;About StockDesk</source>
            <translation>&amp;Acerca do StockDesk</translation>
        </message>
        <message>
            <source>About StockDesk</source>
            <translation>Acerca do StockDesk</translation>
        </message>
        <message>
            <source>StockDesk {version}
Stock management of essential medicines for health facilities and district offices.</source>
            <translation>StockDesk {version}
Gestão de stock de medicamentos essenciais para unidades sanitárias e direções distritais.</translation>
        </message>
    </context>
    <context>
        <name>NewRequisitionDialog</name>
        <message>
            <source>New requisition</source>
            <translation>Nova requisição</translation>
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
            <translation>Requisição de &amp;emergência (fora do ciclo mensal)</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Criar</translation>
        </message>
    </context>
    <context>
        <name>Operation</name>
        <message>
            <source>approve requisitions</source>
            <translation>aprovar requisições</translation>
        </message>
        <message>
            <source>authorize requisitions</source>
            <translation>autorizar requisições</translation>
        </message>
        <message>
            <source>build the demo district</source>
            <translation>criar o distrito de demonstração</translation>
        </message>
        <message>
            <source>change facilities, products or stock levels</source>
            <translation>alterar unidades sanitárias, produtos ou níveis de stock</translation>
        </message>
        <message>
            <source>import facilities</source>
            <translation>importar unidades sanitárias</translation>
        </message>
        <message>
            <source>import facilities' requisitions</source>
            <translation>importar requisições das unidades sanitárias</translation>
        </message>
        <message>
            <source>import ledger transactions</source>
            <translation>importar movimentos do registo de stock</translation>
        </message>
        <message>
            <source>import monthly history</source>
            <translation>importar o histórico mensal</translation>
        </message>
        <message>
            <source>import stock levels</source>
            <translation>importar níveis de stock</translation>
        </message>
        <message>
            <source>import the product catalogue</source>
            <translation>importar o catálogo de produtos</translation>
        </message>
        <message>
            <source>make backups</source>
            <translation>fazer cópias de segurança</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>gerir utilizadores</translation>
        </message>
        <message>
            <source>mark requisitions as issued</source>
            <translation>marcar requisições como atendidas</translation>
        </message>
        <message>
            <source>prepare requisitions</source>
            <translation>preparar requisições</translation>
        </message>
        <message>
            <source>read the audit log</source>
            <translation>consultar o registo de auditoria</translation>
        </message>
        <message>
            <source>record stock movements</source>
            <translation>registar movimentos de stock</translation>
        </message>
        <message>
            <source>reject requisitions</source>
            <translation>rejeitar requisições</translation>
        </message>
        <message>
            <source>restore a backup</source>
            <translation>restaurar uma cópia de segurança</translation>
        </message>
        <message>
            <source>reverse stock movements</source>
            <translation>anular movimentos de stock</translation>
        </message>
        <message>
            <source>see stock</source>
            <translation>ver o stock</translation>
        </message>
        <message>
            <source>submit requisitions</source>
            <translation>submeter requisições</translation>
        </message>
    </context>
    <context>
        <name>OutlookTab</name>
        <message>
            <source>Facility or product</source>
            <translation>Unidade sanitária ou produto</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>Pro&amp;curar:</translation>
        </message>
        <message>
            <source>Every status</source>
            <translation>Todos os estados</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>E&amp;stado:</translation>
        </message>
        <message>
            <source>Show &amp;every product</source>
            <translation>Mostrar todos os prod&amp;utos</translation>
        </message>
        <message>
            <source>Also list the products that need no action: stock adequate and a stockout before the next delivery unlikely</source>
            <translation>Listar também os produtos que não precisam de ação: stock adequado e ruptura antes da próxima entrega pouco provável</translation>
        </message>
        <message>
            <source>Co&amp;mpute</source>
            <translation>Ca&amp;lcular</translation>
        </message>
        <message>
            <source>Forecast every product of every facility of the district</source>
            <translation>Prever cada produto de cada unidade sanitária do distrito</translation>
        </message>
        <message>
            <source>Press Compute to forecast every product of every facility of the district and list what needs action, most urgent first.</source>
            <translation>Prima Calcular para prever cada produto de cada unidade sanitária do distrito e listar o que precisa de ação, o mais urgente primeiro.</translation>
        </message>
        <message>
            <source>Enter: open the stock card of this product at this facility</source>
            <translation>Enter: abrir a ficha de stock deste produto nesta unidade sanitária</translation>
        </message>
        <message>
            <source>Choose a district first.</source>
            <translation>Escolha primeiro um distrito.</translation>
        </message>
        <message>
            <source>Forecasting {district}…</source>
            <translation>A fazer a previsão de {district}…</translation>
        </message>
        <message>
            <source>Forecasting the district…</source>
            <translation>A fazer a previsão do distrito…</translation>
        </message>
        <message>
            <source>Press Compute to forecast this district.</source>
            <translation>Prima Calcular para fazer a previsão deste distrito.</translation>
        </message>
        <message>
            <source>The forecast was cancelled.</source>
            <translation>A previsão foi cancelada.</translation>
        </message>
        <message>
            <source>The forecast could not be computed.</source>
            <translation>Não foi possível calcular a previsão.</translation>
        </message>
        <message>
            <source>{summary} Stock has changed since: press Compute for fresh figures.</source>
            <translation>{summary} O stock mudou entretanto: prima Calcular para ter números atualizados.</translation>
        </message>
        <message>
            <source>{district} at the end of {day}: {count} of {series} facility × product need action.</source>
            <translation>{district} no fim de {day}: {count} de {series} unidade sanitária × produto precisam de ação.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consumo médio mensal</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Unidade sanitária</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de stock</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Agora</translation>
        </message>
        <message>
            <source>Outlook</source>
            <translation>Perspetiva</translation>
        </message>
        <message>
            <source>Probability of running out before the next delivery arrives</source>
            <translation>Probabilidade de ruptura antes da chegada da próxima entrega</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Ruptura prevista</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout risk</source>
            <translation>Risco de ruptura</translation>
        </message>
        <message>
            <source>Suggested order</source>
            <translation>Pedido sugerido</translation>
        </message>
        <message>
            <source>Usable stock</source>
            <translation>Stock existente</translation>
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
            <translation>Este computador</translation>
        </message>
        <message>
            <source>Which place does this computer keep the stock of? Use the code the district uses for it.</source>
            <translation>De que local este computador gere o stock? Use o código que o distrito usa para esse local.</translation>
        </message>
        <message>
            <source>This computer serves:</source>
            <translation>Este computador serve:</translation>
        </message>
        <message>
            <source>A &amp;health facility (health centre or hospital)</source>
            <translation>Uma &amp;unidade sanitária (centro de saúde ou hospital)</translation>
        </message>
        <message>
            <source>A district &amp;office (the district store and its facilities)</source>
            <translation>Uma di&amp;reção distrital (o depósito distrital e as suas unidades sanitárias)</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
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
            <translation>por exemplo CS-012</translation>
        </message>
        <message>
            <source>for example Riverside Health Centre</source>
            <translation>por exemplo Centro de Saúde da Ribeira</translation>
        </message>
        <message>
            <source>for example North District Medical Store</source>
            <translation>por exemplo Depósito Distrital de Medicamentos do Norte</translation>
        </message>
        <message>
            <source>Type the code of this place.</source>
            <translation>Escreva o código deste local.</translation>
        </message>
        <message>
            <source>The code has at most 32 characters.</source>
            <translation>O código tem no máximo 32 caracteres.</translation>
        </message>
        <message>
            <source>Type the name of this place.</source>
            <translation>Escreva o nome deste local.</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>R&amp;R format version {version!r} is not known to this StockDesk (known: {known}); install a newer version</source>
            <translation>a versão {version!r} do formato R&amp;R não é conhecida por este StockDesk (conhecidas: {known}); instale uma versão mais recente</translation>
        </message>
        <message>
            <source>a PostgreSQL database is restored by the server's administrator with pg_restore, not by StockDesk</source>
            <translation>uma base de dados PostgreSQL é restaurada pelo administrador do servidor com pg_restore, não pelo StockDesk</translation>
        </message>
        <message>
            <source>a different version of {facility}'s {program} R&amp;R for {period} is already here ({status}); import with --replace to replace it</source>
            <translation>já existe aqui outra versão do R&amp;R {program} de {facility} para {period} ({status}); importe com --replace para a substituir</translation>
        </message>
        <message>
            <source>a lot (batch number) is required for {product}</source>
            <translation>é obrigatório indicar o lote (número de lote) de {product}</translation>
        </message>
        <message>
            <source>a movement needs at least one line</source>
            <translation>um movimento precisa de pelo menos uma linha</translation>
        </message>
        <message>
            <source>a reason is required for {kind}</source>
            <translation>{kind}: é obrigatório indicar o motivo</translation>
        </message>
        <message>
            <source>a report covers 1 to {most} months, not {months}</source>
            <translation>um relatório abrange de 1 a {most} meses, não {months}</translation>
        </message>
        <message>
            <source>a reversal needs a reason</source>
            <translation>uma anulação precisa de um motivo</translation>
        </message>
        <message>
            <source>a reversal of movement {id} cannot be dated {date}, before the movement itself ({original})</source>
            <translation>a anulação do movimento {id} não pode ter a data {date}, anterior ao próprio movimento ({original})</translation>
        </message>
        <message>
            <source>a transfer needs the other facility or community health worker</source>
            <translation>uma transferência tem de indicar a outra unidade sanitária ou o agente comunitário de saúde</translation>
        </message>
        <message>
            <source>a user name has 2 to 64 letters, digits, dots, dashes or underscores, got {value!r}</source>
            <translation>um nome de utilizador tem de 2 a 64 letras, algarismos, pontos, hífenes ou sublinhados; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>a user named {user} already exists</source>
            <translation>já existe um utilizador chamado {user}</translation>
        </message>
        <message>
            <source>and {count} more problem(s) not shown ({errors} of them errors)</source>
            <translation>e mais {count} problema(s) não mostrado(s) (dos quais {errors} são erros)</translation>
        </message>
        <message>
            <source>cannot take {quantity} of {product}{lot_text} on {date}: the usable balance is {balance}</source>
            <translation>não é possível retirar {quantity} de {product}{lot_text} em {date}: o saldo utilizável é {balance}</translation>
        </message>
        <message>
            <source>column {column!r} appears twice</source>
            <translation>a coluna {column!r} aparece duas vezes</translation>
        </message>
        <message>
            <source>columns {first!r} and {column!r} both give {field}; keep one</source>
            <translation>as colunas {first!r} e {column!r} indicam ambas {field}; mantenha só uma</translation>
        </message>
        <message>
            <source>date {date} is in the future (today is {today})</source>
            <translation>a data {date} está no futuro (hoje é {today})</translation>
        </message>
        <message>
            <source>forecast months must be between 1 and {most}, got {months}</source>
            <translation>os meses de previsão devem estar entre 1 e {most}; valor recebido: {months}</translation>
        </message>
        <message>
            <source>levels for {program} at {facility_type} look inconsistent: {detail}; imported as given</source>
            <translation>os níveis de {program} para {facility_type} parecem incoerentes: {detail}; importados tal como estão</translation>
        </message>
        <message>
            <source>lot {lot} of {product} expired on {expiry}: it cannot be issued on {date}</source>
            <translation>o lote {lot} de {product} expirou em {expiry}: não pode ser distribuído em {date}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} has no stock at {facility}</source>
            <translation>o lote {lot} de {product} não tem stock em {facility}</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is counted twice</source>
            <translation>o lote {lot} de {product} foi contado duas vezes</translation>
        </message>
        <message>
            <source>lot {lot} of {product} is recorded with expiry {known}, not {given}</source>
            <translation>o lote {lot} de {product} está registado com prazo de validade {known}, não {given}</translation>
        </message>
        <message>
            <source>missing column(s): {columns}</source>
            <translation>coluna(s) em falta: {columns}</translation>
        </message>
        <message>
            <source>movement {id} does not exist</source>
            <translation>o movimento {id} não existe</translation>
        </message>
        <message>
            <source>movement {id} is itself a reversal; post a new movement instead</source>
            <translation>o movimento {id} já é uma anulação; em vez disso, registe um novo movimento</translation>
        </message>
        <message>
            <source>movement {id} was already reversed by movement {by}</source>
            <translation>o movimento {id} já foi anulado pelo movimento {by}</translation>
        </message>
        <message>
            <source>name a facility or a district, not both and not neither</source>
            <translation>indique uma unidade sanitária ou um distrito (um dos dois, não ambos nem nenhum)</translation>
        </message>
        <message>
            <source>no facility is in a district named {name!r}</source>
            <translation>nenhuma unidade sanitária pertence a um distrito chamado {name!r}</translation>
        </message>
        <message>
            <source>opening {a} + received {b} + losses/adjustments {d} - consumed {c} = {expected}, but closing balance is {e}</source>
            <translation>saldo inicial {a} + recebido {b} + perdas/ajustes {d} - consumido {c} = {expected}, mas o saldo final é {e}</translation>
        </message>
        <message>
            <source>period {period!r} is neither a month (YYYY-MM) nor a quarter (YYYY-Qn)</source>
            <translation>o período {period!r} não é um mês (AAAA-MM) nem um trimestre (AAAA-Qn)</translation>
        </message>
        <message>
            <source>pg_dump was not found on PATH: install the PostgreSQL client tools, or ask the server's administrator to back up the database</source>
            <translation>o pg_dump não foi encontrado no PATH: instale as ferramentas cliente do PostgreSQL ou peça ao administrador do servidor que faça a cópia de segurança da base de dados</translation>
        </message>
        <message>
            <source>quantity must be a whole number above zero, got {value!r}</source>
            <translation>a quantidade deve ser um número inteiro maior que zero; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>role must be one of {allowed}, got {value!r}</source>
            <translation>o perfil deve ser um dos seguintes: {allowed}; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>same {what} as row {other}</source>
            <translation>{what} igual ao da linha {other}</translation>
        </message>
        <message>
            <source>say which program (--program): {programs}</source>
            <translation>indique o programa (--program): {programs}</translation>
        </message>
        <message>
            <source>stockout days {value} exceed the {days} days of {period}; stored as unknown</source>
            <translation>os dias de ruptura ({value}) excedem os {days} dias de {period}; registado como desconhecido</translation>
        </message>
        <message>
            <source>the R&amp;R could not be stored ({detail}); nothing of it was kept</source>
            <translation>não foi possível guardar o R&amp;R ({detail}); nada dele foi mantido</translation>
        </message>
        <message>
            <source>the R&amp;R workbook has no sheet {sheet!r}</source>
            <translation>o livro R&amp;R não tem a folha {sheet!r}</translation>
        </message>
        <message>
            <source>the backup could not be written: {detail}</source>
            <translation>não foi possível gravar a cópia de segurança: {detail}</translation>
        </message>
        <message>
            <source>the data rows were changed after the R&amp;R was written (SHA-256 {found}, the file says {expected}); ask the facility to export it again</source>
            <translation>as linhas de dados foram alteradas depois de o R&amp;R ter sido gerado (SHA-256 {found}, o ficheiro indica {expected}); peça à unidade sanitária que o exporte novamente</translation>
        </message>
        <message>
            <source>the database file is damaged and cannot be restored ({detail})</source>
            <translation>o ficheiro da base de dados está danificado e não pode ser restaurado ({detail})</translation>
        </message>
        <message>
            <source>the demo ledger was not written (import {status})</source>
            <translation>o registo de demonstração não foi gravado (importação: {status})</translation>
        </message>
        <message>
            <source>the file already exists; choose another name or use --overwrite</source>
            <translation>o ficheiro já existe; escolha outro nome ou use --overwrite</translation>
        </message>
        <message>
            <source>the file cannot be read: {detail}</source>
            <translation>não é possível ler o ficheiro: {detail}</translation>
        </message>
        <message>
            <source>the file does not exist or cannot be read</source>
            <translation>o ficheiro não existe ou não pode ser lido</translation>
        </message>
        <message>
            <source>the file has more than {limit} rows</source>
            <translation>o ficheiro tem mais de {limit} linhas</translation>
        </message>
        <message>
            <source>the file has no data rows</source>
            <translation>o ficheiro não tem linhas de dados</translation>
        </message>
        <message>
            <source>the file is larger than {limit}</source>
            <translation>o ficheiro é maior do que {limit}</translation>
        </message>
        <message>
            <source>the file says {status}; approval is given here, so it was imported as authorized, without K</source>
            <translation>o ficheiro indica {status}; a aprovação é dada aqui, por isso foi importado como autorizado, sem K</translation>
        </message>
        <message>
            <source>the first user must be an admin, so that someone can manage users</source>
            <translation>o primeiro utilizador tem de ser administrador, para que alguém possa gerir os utilizadores</translation>
        </message>
        <message>
            <source>the import was cancelled; nothing changed</source>
            <translation>a importação foi cancelada; nada foi alterado</translation>
        </message>
        <message>
            <source>the meta sheet lacks {keys}</source>
            <translation>faltam na folha meta: {keys}</translation>
        </message>
        <message>
            <source>the new password must differ from the current one</source>
            <translation>a nova senha tem de ser diferente da atual</translation>
        </message>
        <message>
            <source>the password must have at least {min} characters</source>
            <translation>a senha deve ter pelo menos {min} caracteres</translation>
        </message>
        <message>
            <source>the password must not be the user name</source>
            <translation>a senha não pode ser igual ao nome de utilizador</translation>
        </message>
        <message>
            <source>the requisition has no line for {product}</source>
            <translation>a requisição não tem nenhuma linha para {product}</translation>
        </message>
        <message>
            <source>this R&amp;R is {status}: only a submitted (or later) R&amp;R can be imported; ask the facility to submit it and export it again</source>
            <translation>este R&amp;R está no estado {status}: só é possível importar um R&amp;R submetido (ou em fase posterior); peça à unidade sanitária que o submeta e o exporte novamente</translation>
        </message>
        <message>
            <source>this SQLite file is not a StockDesk database</source>
            <translation>este ficheiro SQLite não é uma base de dados do StockDesk</translation>
        </message>
        <message>
            <source>this backup was made by a newer StockDesk (schema {revision}); this is StockDesk {version}. Install the newer version to restore it</source>
            <translation>esta cópia de segurança foi feita por uma versão mais recente do StockDesk (esquema {revision}); esta é a versão {version} do StockDesk. Instale a versão mais recente para a restaurar</translation>
        </message>
        <message>
            <source>this database already holds real records ({facilities} facilities, {users} users): build the demo in a new database, e.g. stockdesk --db demo.sqlite3 demo</source>
            <translation>esta base de dados já contém registos reais ({facilities} unidades sanitárias, {users} utilizadores): crie a demonstração numa base de dados nova, por exemplo stockdesk --db demo.sqlite3 demo</translation>
        </message>
        <message>
            <source>this file was already imported on {when}; nothing changed</source>
            <translation>este ficheiro já foi importado em {when}; nada foi alterado</translation>
        </message>
        <message>
            <source>this is not a StockDesk database (not an SQLite file)</source>
            <translation>isto não é uma base de dados do StockDesk (não é um ficheiro SQLite)</translation>
        </message>
        <message>
            <source>this is the database in use, not a backup of it</source>
            <translation>esta é a base de dados em uso, não uma cópia de segurança dela</translation>
        </message>
        <message>
            <source>this is {found}, not an R&amp;R workbook (.xlsx) written by StockDesk</source>
            <translation>isto é {found}, não um livro R&amp;R (.xlsx) gerado pelo StockDesk</translation>
        </message>
        <message>
            <source>this is {found}; save it as CSV or Excel (.xlsx) and import that</source>
            <translation>isto é {found}; guarde-o como CSV ou Excel (.xlsx) e importe esse ficheiro</translation>
        </message>
        <message>
            <source>this requisition is {status} and can no longer change; corrections go into the next period</source>
            <translation>esta requisição está no estado {status} e já não pode ser alterada; as correções entram no período seguinte</translation>
        </message>
        <message>
            <source>this workbook is not a StockDesk R&amp;R: {detail}</source>
            <translation>este livro não é um R&amp;R do StockDesk: {detail}</translation>
        </message>
        <message>
            <source>this would make lot {lot} of {product} negative ({balance}) on {date}</source>
            <translation>isto deixaria o lote {lot} de {product} negativo ({balance}) em {date}</translation>
        </message>
        <message>
            <source>unexpected column(s): {columns}</source>
            <translation>coluna(s) inesperada(s): {columns}</translation>
        </message>
        <message>
            <source>unknown calculation profile {name!r}; known: {known}</source>
            <translation>perfil de cálculo desconhecido {name!r}; conhecidos: {known}</translation>
        </message>
        <message>
            <source>unknown facility code {code!r}</source>
            <translation>código de unidade sanitária desconhecido {code!r}</translation>
        </message>
        <message>
            <source>unknown product code {code!r}</source>
            <translation>código de produto desconhecido {code!r}</translation>
        </message>
        <message>
            <source>unknown program {code!r}</source>
            <translation>programa desconhecido {code!r}</translation>
        </message>
        <message>
            <source>unknown reason {reason!r} for {kind}; use one of: {allowed}</source>
            <translation>motivo desconhecido {reason!r} para {kind}; use um dos seguintes: {allowed}</translation>
        </message>
        <message>
            <source>unknown step {action!r}; steps: {steps}</source>
            <translation>etapa desconhecida {action!r}; etapas: {steps}</translation>
        </message>
        <message>
            <source>unknown user {user}</source>
            <translation>utilizador desconhecido {user}</translation>
        </message>
        <message>
            <source>user {user} is locked after repeated failed sign-ins; try again after {until}</source>
            <translation>o utilizador {user} está bloqueado após várias tentativas falhadas de início de sessão; tente novamente depois de {until}</translation>
        </message>
        <message>
            <source>user {user} must choose a new password before changing any data (stockdesk user passwd {user})</source>
            <translation>o utilizador {user} tem de escolher uma nova senha antes de alterar quaisquer dados (stockdesk user passwd {user})</translation>
        </message>
        <message>
            <source>wrong password for {user}</source>
            <translation>senha incorreta para {user}</translation>
        </message>
        <message>
            <source>wrong user name or password</source>
            <translation>nome de utilizador ou senha incorretos</translation>
        </message>
        <message>
            <source>{facility} already has a {program} requisition for {period}; export it, or create an emergency one with --emergency</source>
            <translation>{facility} já tem uma requisição {program} para {period}; exporte-a ou crie uma de emergência com --emergency</translation>
        </message>
        <message>
            <source>{facility} has no figures for {program} in {period}: nothing to report</source>
            <translation>{facility} não tem dados de {program} em {period}: nada a reportar</translation>
        </message>
        <message>
            <source>{facility} has no record of {product}: nothing to forecast</source>
            <translation>{facility} não tem registos de {product}: nada a prever</translation>
        </message>
        <message>
            <source>{facility} has no {program} requisition for {period}; create it first</source>
            <translation>{facility} não tem requisição {program} para {period}; crie-a primeiro</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} is already {status} here; a new version cannot replace it</source>
            <translation>o R&amp;R {program} de {facility} para {period} já está no estado {status} aqui; uma nova versão não o pode substituir</translation>
        </message>
        <message>
            <source>{facility}'s {program} R&amp;R for {period} was made in this database; an imported one cannot replace it</source>
            <translation>o R&amp;R {program} de {facility} para {period} foi criado nesta base de dados; um relatório importado não o pode substituir</translation>
        </message>
        <message>
            <source>{field} is longer than {limit} characters</source>
            <translation>{field} tem mais de {limit} caracteres</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>{field}: campo obrigatório</translation>
        </message>
        <message>
            <source>{field} is {value!r} but the meta sheet says {expected!r}</source>
            <translation>{field} é {value!r}, mas a folha meta indica {expected!r}</translation>
        </message>
        <message>
            <source>{field} must be a GTIN-8, -12, -13 or -14 with a correct check digit, got {value!r}</source>
            <translation>{field} deve ser um GTIN-8, -12, -13 ou -14 com dígito de controlo correto; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a date (YYYY-MM-DD), got {value!r}</source>
            <translation>{field} deve ser uma data (AAAA-MM-DD); valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a month (YYYY-MM), got {value!r}</source>
            <translation>{field} deve ser um mês (AAAA-MM); valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a number, got {value!r}</source>
            <translation>{field} deve ser um número; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be a whole number, got {value!r}</source>
            <translation>{field} deve ser um número inteiro; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be above zero, got {value}</source>
            <translation>{field} deve ser maior que zero; valor recebido: {value}</translation>
        </message>
        <message>
            <source>{field} must be between {low} and {high}, got {value}</source>
            <translation>{field} deve estar entre {low} e {high}; valor recebido: {value}</translation>
        </message>
        <message>
            <source>{field} must be one of {allowed}, got {value!r}</source>
            <translation>{field} deve ser um dos seguintes valores: {allowed}; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must be yes/no, got {value!r}</source>
            <translation>{field} deve ser sim/não; valor recebido: {value!r}</translation>
        </message>
        <message>
            <source>{field} must not be negative, got {value}</source>
            <translation>{field} não pode ser negativo; valor recebido: {value}</translation>
        </message>
        <message>
            <source>{period} is not over yet (it ends on {last}): a requisition reports a completed month</source>
            <translation>{period} ainda não terminou (termina em {last}): uma requisição refere-se a um mês concluído</translation>
        </message>
        <message>
            <source>{product} appears again (first on row {first}): one line per product</source>
            <translation>{product} aparece novamente (primeiro na linha {first}): uma linha por produto</translation>
        </message>
        <message>
            <source>{product} is kept in lots: count each lot (batch) separately, not the product total</source>
            <translation>{product} é gerido por lotes: conte cada lote separadamente, não o total do produto</translation>
        </message>
        <message>
            <source>{product} is not a product of the {program} program</source>
            <translation>{product} não é um produto do programa {program}</translation>
        </message>
        <message>
            <source>{product} was counted on {counted}: nothing can be dated {date}, on or before that count; post the correction after it</source>
            <translation>{product} foi inventariado em {counted}: nenhum movimento pode ter a data {date}, igual ou anterior a esse inventário; registe a correção depois dele</translation>
        </message>
        <message>
            <source>{product}, column {column}: {message}</source>
            <translation>{product}, coluna {column}: {message}</translation>
        </message>
        <message>
            <source>{product}: P not rechecked, this office holds no figures of {months}</source>
            <translation>{product}: P não foi verificado de novo, este escritório não tem dados de {months}</translation>
        </message>
        <message>
            <source>{product}: {column} = {sent} but the {profile} rule gives {computed}</source>
            <translation>{product}: {column} = {sent}, mas a regra {profile} dá {computed}</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}: ask {allowed}</source>
            <translation>{user} ({role}) não pode {action}: peça a {allowed}</translation>
        </message>
        <message>
            <source>{user} is the last active admin; make another user admin first</source>
            <translation>{user} é o último administrador ativo; torne primeiro outro utilizador administrador</translation>
        </message>
        <message>
            <source>{user} works at {own} and may not record stock at {facility}; ask someone there or the district logistician</source>
            <translation>{user} trabalha em {own} e não pode registar stock em {facility}; peça a alguém de lá ou ao logístico distrital</translation>
        </message>
        <message>
            <source>{what} is already recorded with different values ({detail})</source>
            <translation>{what} já está registado com valores diferentes ({detail})</translation>
        </message>
        <message>
            <source>{why}</source>
            <translation>{why}</translation>
        </message>
        <message>
            <source>movement {id} is a physical count: a count is corrected by posting a new physical count</source>
            <translation>o movimento {id} é um inventário físico: um inventário corrige-se registando um novo inventário físico</translation>
        </message>
        <message>
            <source>{field} {value!r} cannot be a code: {why}</source>
            <translation>{field} {value!r} não pode ser um código: {why}</translation>
        </message>
        <message>
            <source>{user} is a {role}, not an admin: only an admin password is recovered this way; ask an admin to reset it (stockdesk user passwd {user})</source>
            <translation>{user} é {role}, não administrador: só a senha de um administrador se recupera assim; peça a um administrador que a redefina (stockdesk user passwd {user})</translation>
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
            <translation>Produto</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidade</translation>
        </message>
        <message>
            <source>Pack size</source>
            <translation>Embalagem</translation>
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
            <translation>Em uso</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <source>no</source>
            <translation>não</translation>
        </message>
        <message>
            <source>&amp;New product</source>
            <translation>&amp;Novo produto</translation>
        </message>
        <message>
            <source>Sa&amp;ve product</source>
            <translation>Gra&amp;var produto</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Código:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>No&amp;me:</translation>
        </message>
        <message>
            <source>S&amp;trength:</source>
            <translation>&amp;Dosagem:</translation>
        </message>
        <message>
            <source>Dosage f&amp;orm:</source>
            <translation>&amp;Forma farmacêutica:</translation>
        </message>
        <message>
            <source>&amp;Dispensing unit:</source>
            <translation>&amp;Unidade de dispensa:</translation>
        </message>
        <message>
            <source>Pac&amp;k size:</source>
            <translation>&amp;Tamanho da embalagem:</translation>
        </message>
        <message>
            <source>&amp;Price per pack:</source>
            <translation>&amp;Preço por embalagem:</translation>
        </message>
        <message>
            <source>Pro&amp;gram:</source>
            <translation>Pro&amp;grama:</translation>
        </message>
        <message>
            <source>GT&amp;IN (barcode):</source>
            <translation>GT&amp;IN (código de barras):</translation>
        </message>
        <message>
            <source>8, 12, 13 or 14 digits</source>
            <translation>8, 12, 13 ou 14 algarismos</translation>
        </message>
        <message>
            <source>In &amp;use:</source>
            <translation>&amp;Em uso:</translation>
        </message>
        <message>
            <source>Offered when recording stock</source>
            <translation>Proposto ao registar stock</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>M&amp;otivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Porquê (fica no registo de auditoria)</translation>
        </message>
        <message>
            <source>Code, name, program or GTIN</source>
            <translation>Código, nome, programa ou GTIN</translation>
        </message>
        <message>
            <source>New product</source>
            <translation>Novo produto</translation>
        </message>
        <message>
            <source>Product {code}</source>
            <translation>Produto {code}</translation>
        </message>
    </context>
    <context>
        <name>Profiles</name>
        <message>
            <source>Each month's consumption is scaled up for the days the product was out of stock and rounded up to a whole unit; the average of the last 3 months is rounded up. This is what OpenLMIS v3 does.</source>
            <translation>O consumo de cada mês é ajustado pelos dias em que o produto esteve em ruptura e arredondado por excesso à unidade; a média dos últimos 3 meses é arredondada por excesso. É o que faz o OpenLMIS v3.</translation>
        </message>
        <message>
            <source>Consumption is scaled up to the days the product was in stock, without rounding; the average of 3 months is kept to 2 decimals, as mSupply prints it.</source>
            <translation>O consumo é ajustado aos dias em que o produto esteve em stock, sem arredondamento; a média de 3 meses é mantida com 2 casas decimais, tal como o mSupply a apresenta.</translation>
        </message>
        <message>
            <source>Consumption is scaled up for stockout days only when the product was out for part of the month; the average of 3 months is rounded to the nearest unit, as the Côte d'Ivoire eLMIS does.</source>
            <translation>O consumo só é ajustado pelos dias de ruptura quando o produto esteve em ruptura durante parte do mês; a média de 3 meses é arredondada à unidade mais próxima, como faz o eLMIS da Costa do Marfim.</translation>
        </message>
        <message>
            <source>Consumption as recorded, stockout days ignored, as on a paper form; the average of 3 months is rounded up.</source>
            <translation>Consumo tal como registado, sem ter em conta os dias de ruptura, como num formulário em papel; a média de 3 meses é arredondada por excesso.</translation>
        </message>
    </context>
    <context>
        <name>Program</name>
        <message>
            <source>Essential medicines</source>
            <translation>Medicamentos essenciais</translation>
        </message>
        <message>
            <source>Family planning</source>
            <translation>Planeamento familiar</translation>
        </message>
        <message>
            <source>HIV</source>
            <translation>HIV</translation>
        </message>
        <message>
            <source>Malaria</source>
            <translation>Malária</translation>
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
            <translation>Programa</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <source>Calculation profile</source>
            <translation>Perfil de cálculo</translation>
        </message>
        <message>
            <source>Choose a program in the list.</source>
            <translation>Escolha um programa na lista.</translation>
        </message>
        <message>
            <source>Calculation &amp;profile:</source>
            <translation>&amp;Perfil de cálculo:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>M&amp;otivo:</translation>
        </message>
        <message>
            <source>Why (kept in the audit log)</source>
            <translation>Porquê (fica no registo de auditoria)</translation>
        </message>
        <message>
            <source>&amp;Use this profile</source>
            <translation>&amp;Usar este perfil</translation>
        </message>
        <message>
            <source>The profile decides how adjusted consumption (N) and average monthly consumption (P) are computed for the program's next requisitions; requisitions already submitted keep theirs.</source>
            <translation>O perfil determina como são calculados o consumo ajustado (N) e o consumo médio mensal (P) nas próximas requisições do programa; as requisições já submetidas mantêm o seu.</translation>
        </message>
        <message>
            <source>Program {code}</source>
            <translation>Programa {code}</translation>
        </message>
        <message>
            <source>{program} now uses the {profile} profile.</source>
            <translation>{program} usa agora o perfil {profile}.</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>Expired</source>
            <translation>Prazo expirado</translation>
        </message>
        <message>
            <source>Damaged or broken</source>
            <translation>Danificado ou partido</translation>
        </message>
        <message>
            <source>Stolen</source>
            <translation>Roubado</translation>
        </message>
        <message>
            <source>Lost or missing</source>
            <translation>Perdido ou em falta</translation>
        </message>
        <message>
            <source>Quality recall</source>
            <translation>Recolha por qualidade</translation>
        </message>
        <message>
            <source>Found stock</source>
            <translation>Stock encontrado</translation>
        </message>
        <message>
            <source>Returned by patient or ward</source>
            <translation>Devolvido por doente ou enfermaria</translation>
        </message>
        <message>
            <source>Data-entry correction (+)</source>
            <translation>Correção de registo (+)</translation>
        </message>
        <message>
            <source>Data-entry correction (−)</source>
            <translation>Correção de registo (−)</translation>
        </message>
        <message>
            <source>Returned to supplier</source>
            <translation>Devolvido ao fornecedor</translation>
        </message>
        <message>
            <source>Physical count higher than book</source>
            <translation>Inventário acima do stock registado</translation>
        </message>
        <message>
            <source>Physical count lower than book</source>
            <translation>Inventário abaixo do stock registado</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Facility</source>
            <translation>Unidade sanitária</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidade</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizável</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de stock</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout expected</source>
            <translation>Ruptura prevista</translation>
        </message>
        <message>
            <source>now</source>
            <translation>agora</translation>
        </message>
        <message>
            <source>To order</source>
            <translation>A encomendar</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>Em risco de expirar</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>não reportado</translation>
        </message>
        <message>
            <source>Days out of stock in {month}: {days}</source>
            <translation>Dias em ruptura em {month}: {days}</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Agora</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Dias em ruptura</translation>
        </message>
        <message>
            <source>Months with stockouts</source>
            <translation>Meses com ruptura</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expira</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Dias restantes</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantidade</translation>
        </message>
        <message>
            <source>Used before expiry</source>
            <translation>Usado antes de expirar</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Em risco</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Quando</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilizador</translation>
        </message>
        <message>
            <source>What</source>
            <translation>O quê</translation>
        </message>
        <message>
            <source>Which</source>
            <translation>Qual</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Alteração</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Depois</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Relatórios</translation>
        </message>
        <message>
            <source>Stock status</source>
            <translation>Estado do stock</translation>
        </message>
        <message>
            <source>Stockouts</source>
            <translation>Rupturas</translation>
        </message>
        <message>
            <source>Expiry risk</source>
            <translation>Risco de expiração</translation>
        </message>
        <message>
            <source>Audit log (who changed what)</source>
            <translation>Registo de auditoria (quem alterou o quê)</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>Each program's own profile</source>
            <translation>Perfil próprio de cada programa</translation>
        </message>
        <message>
            <source>Only products &amp;needing action</source>
            <translation>Só produtos que &amp;necessitam de ação</translation>
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
            <translation>Perfil &amp;CMM:</translation>
        </message>
        <message>
            <source>&amp;Report:</source>
            <translation>&amp;Relatório:</translation>
        </message>
        <message>
            <source>F&amp;or:</source>
            <translation>Âm&amp;bito:</translation>
        </message>
        <message>
            <source>As of &amp;date:</source>
            <translation>À da&amp;ta de:</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>Pré-&amp;visualizar</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Gravar em P&amp;DF…</translation>
        </message>
        <message>
            <source>Save as &amp;Excel…</source>
            <translation>Gravar em &amp;Excel…</translation>
        </message>
        <message>
            <source>Pr&amp;int…</source>
            <translation>Im&amp;primir…</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>Proc&amp;urar:</translation>
        </message>
        <message>
            <source>Product, code, facility or lot</source>
            <translation>Produto, código, unidade sanitária ou lote</translation>
        </message>
        <message>
            <source>Choose a report and what it covers, then press Preview (Enter).</source>
            <translation>Escolha um relatório e o seu âmbito e, depois, prima Pré-visualizar (Enter).</translation>
        </message>
        <message>
            <source>This facility: {name}</source>
            <translation>Esta unidade sanitária: {name}</translation>
        </message>
        <message>
            <source>The whole district: {name}</source>
            <translation>Todo o distrito: {name}</translation>
        </message>
        <message>
            <source>The audit log is shown here only; choose a stock report to save or print it.</source>
            <translation>O registo de auditoria só é apresentado aqui; para gravar ou imprimir, escolha um relatório de stock.</translation>
        </message>
        <message>
            <source>Preparing the stock status report…</source>
            <translation>A preparar o relatório de estado do stock…</translation>
        </message>
        <message>
            <source>Preparing the stockout report…</source>
            <translation>A preparar o relatório de rupturas…</translation>
        </message>
        <message>
            <source>Preparing the expiry risk report…</source>
            <translation>A preparar o relatório de risco de expiração…</translation>
        </message>
        <message>
            <source>Reading the audit log…</source>
            <translation>A ler o registo de auditoria…</translation>
        </message>
        <message>
            <source>The report was cancelled; nothing changed.</source>
            <translation>O relatório foi cancelado; nada foi alterado.</translation>
        </message>
        <message>
            <source>Audit log: the {count} most recent changes, newest first.</source>
            <translation>Registo de auditoria: as {count} alterações mais recentes, da mais nova para a mais antiga.</translation>
        </message>
        <message>
            <source>facility {name}</source>
            <translation>unidade sanitária {name}</translation>
        </message>
        <message>
            <source>district {name} ({count} facilities)</source>
            <translation>distrito {name} ({count} unidades sanitárias)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stock status&lt;/b&gt; of {scope} as of {day}: {shown} of {total} products × facilities listed.</source>
            <translation>&lt;b&gt;Estado do stock&lt;/b&gt; de {scope} em {day}: {shown} de {total} combinações produto × unidade sanitária listadas.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stockouts&lt;/b&gt; of {scope} as of {day}: {now} stocked out now; {days} days out of stock from {first} to {last}.</source>
            <translation>&lt;b&gt;Rupturas&lt;/b&gt; de {scope} em {day}: {now} em ruptura agora; {days} dias em ruptura de {first} a {last}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Expiry risk&lt;/b&gt; of {scope} as of {day}: {lots} lots expire by {end}; {risk} units are at risk of expiring before use.</source>
            <translation>&lt;b&gt;Risco de expiração&lt;/b&gt; de {scope} em {day}: {lots} lotes expiram até {end}; {risk} unidades estão em risco de expirar antes de serem usadas.</translation>
        </message>
        <message>
            <source>{count} products have expired stock still on the shelf: remove it and record the loss.</source>
            <translation>{count} produtos têm stock expirado ainda na prateleira: retire-o e registe a perda.</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Gravar o relatório em PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Ficheiros PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the report as Excel</source>
            <translation>Gravar o relatório em Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Livros do Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing the PDF…</source>
            <translation>A gerar o PDF…</translation>
        </message>
        <message>
            <source>Writing the workbook…</source>
            <translation>A gerar o livro Excel…</translation>
        </message>
        <message>
            <source>Saved to {file}</source>
            <translation>Gravado em {file}</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The report was saved as {file}: print it from there.</source>
            <translation>Não foi encontrado neste computador nenhum programa para abrir ficheiros PDF. O relatório foi gravado em {file}: imprima-o a partir daí.</translation>
        </message>
    </context>
    <context>
        <name>RequisitionStatus</name>
        <message>
            <source>Draft</source>
            <translation>Rascunho</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Submetida</translation>
        </message>
        <message>
            <source>Authorized</source>
            <translation>Autorizada</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Aprovada</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Atendida</translation>
        </message>
    </context>
    <context>
        <name>RequisitionView</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Voltar à lista</translation>
        </message>
        <message>
            <source>&amp;Reason for rejecting:</source>
            <translation>M&amp;otivo da rejeição:</translation>
        </message>
        <message>
            <source>What the facility must correct before submitting again</source>
            <translation>O que a unidade sanitária tem de corrigir antes de voltar a submeter</translation>
        </message>
        <message>
            <source>Re&amp;ject the R&amp;&amp;R</source>
            <translation>Re&amp;jeitar o R&amp;&amp;R</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>&amp;Manter</translation>
        </message>
        <message>
            <source>Export &amp;Excel…</source>
            <translation>Exportar &amp;Excel…</translation>
        </message>
        <message>
            <source>Export P&amp;DF…</source>
            <translation>Exportar &amp;PDF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Imp&amp;rimir…</translation>
        </message>
        <message>
            <source>Emergency R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R de emergência {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>R&amp;&amp;R {facility} — {program} — {period}</source>
            <translation>R&amp;&amp;R {facility} — {program} — {period}</translation>
        </message>
        <message>
            <source>Facility: {name} ({code}), {district}   Period: {first} to {last}   Program: {program}   Profile: {profile} (maximum {max} months, minimum {min} months of stock)   Lines: {lines}</source>
            <translation>Unidade sanitária: {name} ({code}), {district}   Período: {first} a {last}   Programa: {program}   Perfil: {profile} (máximo {max} meses, mínimo {min} meses de stock)   Linhas: {lines}</translation>
        </message>
        <message>
            <source>Not signed yet.</source>
            <translation>Ainda não assinado.</translation>
        </message>
        <message>
            <source>Rejected: {reason}</source>
            <translation>Rejeitado: {reason}</translation>
        </message>
        <message>
            <source>{product}, column {column}: {problem}</source>
            <translation>{product}, coluna {column}: {problem}</translation>
        </message>
        <message>
            <source>and {count} more (marked in red in the table)</source>
            <translation>e mais {count} (assinalados a vermelho na tabela)</translation>
        </message>
        <message>
            <source>Not available: the R&amp;R is {status}, or your role may not do this.</source>
            <translation>Não disponível: o R&amp;R está no estado {status} ou o seu perfil não permite esta ação.</translation>
        </message>
        <message>
            <source>Export the R&amp;R as Excel</source>
            <translation>Exportar o R&amp;R em Excel</translation>
        </message>
        <message>
            <source>Export the R&amp;R as PDF</source>
            <translation>Exportar o R&amp;R em PDF</translation>
        </message>
        <message>
            <source>Writing the R&amp;R</source>
            <translation>A gerar o R&amp;R</translation>
        </message>
        <message>
            <source>No program to show PDF files was found on this computer. The R&amp;&amp;R was saved as {file}: print it from there.</source>
            <translation>Não foi encontrado neste computador nenhum programa para abrir ficheiros PDF. O R&amp;&amp;R foi gravado em {file}: imprima-o a partir daí.</translation>
        </message>
        <message>
            <source>Write why the R&amp;&amp;R is rejected, so the facility knows what to correct.</source>
            <translation>Escreva por que motivo o R&amp;&amp;R é rejeitado, para que a unidade sanitária saiba o que corrigir.</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Livro do Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Gravado em {path}</translation>
        </message>
        <message>
            <source>Opened the R&amp;&amp;R in the PDF reader to print it.</source>
            <translation>O R&amp;&amp;R foi aberto no leitor de PDF para ser impresso.</translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>&amp;Submeter</translation>
        </message>
        <message>
            <source>A&amp;uthorize</source>
            <translation>A&amp;utorizar</translation>
        </message>
        <message>
            <source>A, B, C and E cannot be negative.</source>
            <translation>A, B, C e E não podem ser negativos.</translation>
        </message>
        <message>
            <source>A, opening balance: stock on hand on the first day of the period.</source>
            <translation>A, saldo inicial: stock existente no primeiro dia do período.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>Adj. cons.</source>
            <translation>Cons. ajust.</translation>
        </message>
        <message>
            <source>Appro&amp;ve</source>
            <translation>&amp;Aprovar</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Aprovado</translation>
        </message>
        <message>
            <source>Approved by {name} on {when}</source>
            <translation>Aprovado por {name} em {when}</translation>
        </message>
        <message>
            <source>Authorized by {name} on {when}</source>
            <translation>Autorizado por {name} em {when}</translation>
        </message>
        <message>
            <source>B, received: quantity received during the period.</source>
            <translation>B, recebido: quantidade recebida durante o período.</translation>
        </message>
        <message>
            <source>C, consumed: quantity dispensed to patients or wards during the period.</source>
            <translation>C, consumido: quantidade dispensada a doentes ou enfermarias durante o período.</translation>
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
            <translation>Custo</translation>
        </message>
        <message>
            <source>D, losses and adjustments: expiries, damage, count corrections (negative when stock was lost).</source>
            <translation>D, perdas e ajustes: prazos expirados, danos, correções de inventário (negativo quando houve perda de stock).</translation>
        </message>
        <message>
            <source>Days out</source>
            <translation>Dias rupt.</translation>
        </message>
        <message>
            <source>E = {E} but A + B + D − C = {sum}.</source>
            <translation>E = {E}, mas A + B + D − C = {sum}.</translation>
        </message>
        <message>
            <source>E, closing balance: stock on hand at the end of the period; E = A + B + D − C.</source>
            <translation>E, saldo final: stock existente no fim do período; E = A + B + D − C.</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>Justificação</translation>
        </message>
        <message>
            <source>H, maximum stock: P times the maximum months of stock.</source>
            <translation>H, stock máximo: P multiplicado pelo máximo de meses de stock.</translation>
        </message>
        <message>
            <source>I, calculated order quantity: H − E, never below zero.</source>
            <translation>I, quantidade a encomendar calculada: H − E, nunca abaixo de zero.</translation>
        </message>
        <message>
            <source>Issued by {name} on {when}</source>
            <translation>Atendido por {name} em {when}</translation>
        </message>
        <message>
            <source>J, requested quantity: what the facility asks for. Type it on a draft; explain in W when it differs from I.</source>
            <translation>J, quantidade pedida: o que a unidade sanitária pede. Escreva-a no rascunho; justifique em W quando for diferente de I.</translation>
        </message>
        <message>
            <source>K, approved quantity: what the district approves to send. Typed by the approver on an authorized R&amp;R.</source>
            <translation>K, quantidade aprovada: o que o distrito aprova enviar. Escrita por quem aprova, num R&amp;R autorizado.</translation>
        </message>
        <message>
            <source>L, remarks.</source>
            <translation>L, observações.</translation>
        </message>
        <message>
            <source>Losses/adj.</source>
            <translation>Perdas/ajust.</translation>
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
            <translation>N, consumo ajustado: C corrigido pelos dias em que o produto esteve em ruptura.</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>Saldo inicial</translation>
        </message>
        <message>
            <source>P, average monthly consumption over the last months, by the calculation profile.</source>
            <translation>P, consumo médio mensal dos últimos meses, segundo o perfil de cálculo.</translation>
        </message>
        <message>
            <source>Pack price</source>
            <translation>Preço/emb.</translation>
        </message>
        <message>
            <source>Packs</source>
            <translation>Embalagens</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>Product, strength and form.</source>
            <translation>Produto, dosagem e forma farmacêutica.</translation>
        </message>
        <message>
            <source>Q, total cost: V × T.</source>
            <translation>Q, custo total: V × T.</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Re&amp;jeitar…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Recebido</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Observações</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <source>Requested {J} differs from calculated {I}: explain why in W.</source>
            <translation>A quantidade pedida ({J}) difere da calculada ({I}): justifique em W.</translation>
        </message>
        <message>
            <source>Submitted by {name} on {when}</source>
            <translation>Submetido por {name} em {when}</translation>
        </message>
        <message>
            <source>T, price per pack.</source>
            <translation>T, preço por embalagem.</translation>
        </message>
        <message>
            <source>The requested quantity cannot be negative.</source>
            <translation>A quantidade pedida não pode ser negativa.</translation>
        </message>
        <message>
            <source>V, packs to ship: K in whole packs.</source>
            <translation>V, embalagens a enviar: K em embalagens inteiras.</translation>
        </message>
        <message>
            <source>W, explanation: why the requested quantity J differs from the calculated quantity I.</source>
            <translation>W, justificação: por que motivo a quantidade pedida J difere da quantidade calculada I.</translation>
        </message>
        <message>
            <source>X = {X} stockout days, more than the {days} days of the period.</source>
            <translation>X = {X} dias de ruptura, mais do que os {days} dias do período.</translation>
        </message>
        <message>
            <source>X, stockout days: days of the period with no stock.</source>
            <translation>X, dias de ruptura: dias do período sem stock.</translation>
        </message>
        <message>
            <source>{code}
{name}
Unit: {unit}, pack of {pack}</source>
            <translation>{code}
{name}
Unidade: {unit}, embalagem de {pack}</translation>
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
            <translation>Requisições</translation>
        </message>
        <message>
            <source>&amp;New requisition…</source>
            <translation>&amp;Nova requisição…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>A&amp;brir</translation>
        </message>
        <message>
            <source>Choose a facility at the top of the window.</source>
            <translation>Escolha uma unidade sanitária na parte superior da janela.</translation>
        </message>
        <message>
            <source>Requisitions of {facility}</source>
            <translation>Requisições de {facility}</translation>
        </message>
        <message>
            <source>No requisition yet for this facility. Use New requisition to prepare the one of the month just completed.</source>
            <translation>Ainda não há requisições para esta unidade sanitária. Use «Nova requisição» para preparar a do mês que acabou de terminar.</translation>
        </message>
        <message>
            <source>Preparing the requisition</source>
            <translation>A preparar a requisição</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Criada</translation>
        </message>
        <message>
            <source>Emergency</source>
            <translation>Emergência</translation>
        </message>
        <message>
            <source>Here</source>
            <translation>Aqui</translation>
        </message>
        <message>
            <source>Imported from a file</source>
            <translation>Importada de um ficheiro</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Linhas</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Origem</translation>
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
            <translation>O stock contado corrige-se registando um novo inventário físico, não anulando um movimento.</translation>
        </message>
        <message>
            <source>Count &amp;again</source>
            <translation>&amp;Contar de novo</translation>
        </message>
        <message>
            <source>Switch to Physical count to post a new count.</source>
            <translation>Passar para Inventário físico para registar uma nova contagem.</translation>
        </message>
    </context>
    <context>
        <name>Role</name>
        <message>
            <source>Pharmacist</source>
            <translation>Farmacêutico</translation>
        </message>
        <message>
            <source>Facility in-charge</source>
            <translation>Responsável da unidade sanitária</translation>
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
            <translation>Aviso</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erro</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in to StockDesk</source>
            <translation>Iniciar sessão no StockDesk</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nome de &amp;utilizador:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Senha:</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Entrar</translation>
        </message>
        <message>
            <source>Demo users: {users} — password: {password}</source>
            <translation>Utilizadores de demonstração: {users} — senha: {password}</translation>
        </message>
        <message>
            <source>Type your user name.</source>
            <translation>Escreva o seu nome de utilizador.</translation>
        </message>
        <message>
            <source>{problem} (in {minutes} min)</source>
            <translation>{problem} (dentro de {minutes} min)</translation>
        </message>
    </context>
    <context>
        <name>Start</name>
        <message>
            <source>Building the demo district</source>
            <translation>A criar o distrito de demonstração</translation>
        </message>
        <message>
            <source>Signing in as {user} failed: {detail}</source>
            <translation>Falha ao iniciar sessão como {user}: {detail}</translation>
        </message>
        <message>
            <source>StockDesk cannot start</source>
            <translation>Não é possível iniciar o StockDesk</translation>
        </message>
        <message>
            <source>StockDesk could not open its database: {detail}</source>
            <translation>O StockDesk não conseguiu abrir a sua base de dados: {detail}</translation>
        </message>
        <message>
            <source>The database was upgraded to this version of StockDesk. The copy from before is {file}.</source>
            <translation>A base de dados foi atualizada para esta versão do StockDesk. A cópia anterior é {file}.</translation>
        </message>
        <message>
            <source>This database was written by a newer version of StockDesk (database schema {schema}). This is StockDesk {version}, which cannot open it without risking your records. Install the newer StockDesk on this computer; the database was not changed.</source>
            <translation>Esta base de dados foi gravada por uma versão mais recente do StockDesk (esquema da base de dados {schema}). Esta é a versão {version} do StockDesk, que não a pode abrir sem pôr em risco os seus registos. Instale a versão mais recente do StockDesk neste computador; a base de dados não foi alterada.</translation>
        </message>
        <message>
            <source>Warning: {detail}</source>
            <translation>Aviso: {detail}</translation>
        </message>
        <message>
            <source>The demo district could not be built: {detail}</source>
            <translation>Não foi possível criar o distrito de demonstração: {detail}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Stocked out</source>
            <translation>Em ruptura</translation>
        </message>
        <message>
            <source>Below emergency point</source>
            <translation>Abaixo do ponto de emergência</translation>
        </message>
        <message>
            <source>Below minimum</source>
            <translation>Abaixo do mínimo</translation>
        </message>
        <message>
            <source>Adequate</source>
            <translation>Adequado</translation>
        </message>
        <message>
            <source>Overstocked</source>
            <translation>Sobre-stock</translation>
        </message>
        <message>
            <source>No consumption data</source>
            <translation>Sem dados de consumo</translation>
        </message>
    </context>
    <context>
        <name>StockCard</name>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Voltar à lista</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Stock on hand</source>
            <translation>Stock existente</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizável</translation>
        </message>
        <message>
            <source>Average monthly consumption</source>
            <translation>Consumo médio mensal</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de stock</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Projected stockout</source>
            <translation>Ruptura prevista</translation>
        </message>
        <message>
            <source>Order must leave by</source>
            <translation>Encomendar até</translation>
        </message>
        <message>
            <source>At risk of expiry</source>
            <translation>Em risco de expirar</translation>
        </message>
        <message>
            <source>Maximum stock</source>
            <translation>Stock máximo</translation>
        </message>
        <message>
            <source>Order quantity</source>
            <translation>Quantidade a encomendar</translation>
        </message>
        <message>
            <source>Movements</source>
            <translation>Movimentos</translation>
        </message>
        <message>
            <source>&amp;Movements</source>
            <translation>&amp;Movimentos</translation>
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
            <translation>A ler os meses de consumo…</translation>
        </message>
        <message>
            <source>Running balance after the last movement: {balance}</source>
            <translation>Saldo após o último movimento: {balance}</translation>
        </message>
        <message>
            <source>No lot of this product is in stock.</source>
            <translation>Nenhum lote deste produto está em stock.</translation>
        </message>
        <message>
            <source>{count} lots in stock.</source>
            <translation>{count} lotes em stock.</translation>
        </message>
        <message>
            <source>{quantity} expired: remove them from the shelf and record the loss.</source>
            <translation>{quantity} expirados: retire-os da prateleira e registe a perda.</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used at the usual consumption: offer them to another facility.</source>
            <translation>{quantity} vão expirar antes de serem usados ao consumo habitual: ofereça-os a outra unidade sanitária.</translation>
        </message>
        <message>
            <source>{code}: no stock status at this facility</source>
            <translation>{code}: sem estado de stock nesta unidade sanitária</translation>
        </message>
        <message>
            <source>{code} · counted in {unit} · program {program}</source>
            <translation>{code} · contado em {unit} · programa {program}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>nenhum</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>{quantity} expirados, não utilizáveis</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>desconhecido</translation>
        </message>
        <message>
            <source>not within two years</source>
            <translation>não nos próximos dois anos</translation>
        </message>
        <message>
            <source>{day} (late)</source>
            <translation>{day} (atrasado)</translation>
        </message>
        <message>
            <source>Forecasting the consumption of {product}…</source>
            <translation>A prever o consumo de {product}…</translation>
        </message>
        <message>
            <source>No consumption has been recorded for this product.</source>
            <translation>Não foi registado nenhum consumo para este produto.</translation>
        </message>
        <message>
            <source>The chart could not be drawn.</source>
            <translation>Não foi possível desenhar o gráfico.</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Em risco</translation>
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
            <translation>Data</translation>
        </message>
        <message>
            <source>Expired: do not issue</source>
            <translation>Expirado: não distribuir</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Validade</translation>
        </message>
        <message>
            <source>From / to</source>
            <translation>De / para</translation>
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
            <translation>Saída</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Recorded {stamp}</source>
            <translation>Registado em {stamp}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referência</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilizador</translation>
        </message>
        <message>
            <source>Will expire before it is used</source>
            <translation>Vai expirar antes de ser usado</translation>
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
            <translation>Pro&amp;curar:</translation>
        </message>
        <message>
            <source>Code or name (Ctrl+F)</source>
            <translation>Código ou nome (Ctrl+F)</translation>
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
            <translation>Todos os estados</translation>
        </message>
        <message>
            <source>Products in stock</source>
            <translation>Produtos em stock</translation>
        </message>
        <message>
            <source>Reading the stock of {facility}…</source>
            <translation>A ler o stock de {facility}…</translation>
        </message>
        <message>
            <source>Reading the stock…</source>
            <translation>A ler o stock…</translation>
        </message>
        <message>
            <source>The stock could not be read.</source>
            <translation>Não foi possível ler o stock.</translation>
        </message>
        <message>
            <source>All programs</source>
            <translation>Todos os programas</translation>
        </message>
        <message>
            <source>No program</source>
            <translation>Sem programa</translation>
        </message>
        <message>
            <source>{count} products. Enter opens the stock card of the product selected.</source>
            <translation>{count} produtos. Enter abre a ficha de stock do produto selecionado.</translation>
        </message>
        <message>
            <source>{shown} of {count} products shown. Enter opens the stock card of the product selected.</source>
            <translation>{shown} de {count} produtos apresentados. Enter abre a ficha de stock do produto selecionado.</translation>
        </message>
        <message>
            <source>AMC</source>
            <translation>CMM</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Em risco</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Months of stock</source>
            <translation>Meses de stock</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Existente</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produto</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stockout</source>
            <translation>Ruptura</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unidade</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>Utilizável</translation>
        </message>
        <message>
            <source>{quantity} expired, not usable</source>
            <translation>{quantity} expirados, não utilizáveis</translation>
        </message>
        <message>
            <source>{quantity} will expire before they are used</source>
            <translation>{quantity} vão expirar antes de serem usados</translation>
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
            <translation>Nome de utilizador</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nome completo</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Perfil</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Unidade sanitária</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nome de &amp;utilizador:</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>Per&amp;fil:</translation>
        </message>
        <message>
            <source>Works &amp;at:</source>
            <translation>Trabalha &amp;em:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Senha:</translation>
        </message>
        <message>
            <source>&amp;Create user</source>
            <translation>&amp;Criar utilizador</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>Novo utilizador</translation>
        </message>
        <message>
            <source>Choose a user in the list.</source>
            <translation>Escolha um utilizador na lista.</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>Nome co&amp;mpleto:</translation>
        </message>
        <message>
            <source>New rol&amp;e:</source>
            <translation>Novo pe&amp;rfil:</translation>
        </message>
        <message>
            <source>New pass&amp;word:</source>
            <translation>Nova se&amp;nha:</translation>
        </message>
        <message>
            <source>They must change it when they sign in</source>
            <translation>Tem de a alterar ao iniciar sessão</translation>
        </message>
        <message>
            <source>Change &amp;role</source>
            <translation>&amp;Alterar perfil</translation>
        </message>
        <message>
            <source>&amp;Set password</source>
            <translation>&amp;Definir senha</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>Desa&amp;tivar</translation>
        </message>
        <message>
            <source>Unloc&amp;k</source>
            <translation>Desblo&amp;quear</translation>
        </message>
        <message>
            <source>Selected user</source>
            <translation>Utilizador selecionado</translation>
        </message>
        <message>
            <source>A password has at least {min} characters and is not the user name. A new user chooses their own at first sign-in.</source>
            <translation>Uma senha tem pelo menos {min} caracteres e não pode ser igual ao nome de utilizador. Um novo utilizador escolhe a sua própria senha no primeiro início de sessão.</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Desativado</translation>
        </message>
        <message>
            <source>Locked until {time}</source>
            <translation>Bloqueado até {time}</translation>
        </message>
        <message>
            <source>Must choose a password</source>
            <translation>Tem de escolher uma senha</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Ativo</translation>
        </message>
        <message>
            <source>(the whole district)</source>
            <translation>(todo o distrito)</translation>
        </message>
        <message>
            <source>{user} can now sign in as {role}.</source>
            <translation>{user} já pode iniciar sessão como {role}.</translation>
        </message>
        <message>
            <source>{user} ({name}): {state}</source>
            <translation>{user} ({name}): {state}</translation>
        </message>
        <message>
            <source>Re&amp;activate</source>
            <translation>Reati&amp;var</translation>
        </message>
        <message>
            <source>{user} is now {role}.</source>
            <translation>{user} tem agora o perfil {role}.</translation>
        </message>
        <message>
            <source>The password of {user} was set; they must choose their own at their next sign-in.</source>
            <translation>A senha de {user} foi definida; terá de escolher a sua própria senha no próximo início de sessão.</translation>
        </message>
        <message>
            <source>{user} may sign in again.</source>
            <translation>{user} pode voltar a iniciar sessão.</translation>
        </message>
        <message>
            <source>{user} can no longer sign in; their records keep their name.</source>
            <translation>{user} já não pode iniciar sessão; os seus registos mantêm o seu nome.</translation>
        </message>
        <message>
            <source>{user} is unlocked.</source>
            <translation>{user} foi desbloqueado.</translation>
        </message>
    </context>
</TS>
