; The installer's own texts in StockDesk's four languages (NSIS's pages bring theirs).

LangString ModeTitle ${LANG_ENGLISH} "How to install"
LangString ModeTitle ${LANG_FRENCH} "Type d'installation"
LangString ModeTitle ${LANG_PORTUGUESE} "Tipo de instalação"
LangString ModeTitle ${LANG_SPANISH} "Tipo de instalación"

LangString ModeSubtitle ${LANG_ENGLISH} "On this computer, or a portable copy on a USB stick."
LangString ModeSubtitle ${LANG_FRENCH} "Sur cet ordinateur, ou une copie portable sur une clé USB."
LangString ModeSubtitle ${LANG_PORTUGUESE} "Neste computador, ou uma cópia portátil numa pen USB."
LangString ModeSubtitle ${LANG_SPANISH} "En este equipo, o una copia portátil en una memoria USB."

LangString ModeComputer ${LANG_ENGLISH} "Install on this computer"
LangString ModeComputer ${LANG_FRENCH} "Installer sur cet ordinateur"
LangString ModeComputer ${LANG_PORTUGUESE} "Instalar neste computador"
LangString ModeComputer ${LANG_SPANISH} "Instalar en este equipo"

LangString ModeComputerText ${LANG_ENGLISH} "Start menu and desktop shortcuts. Each Windows user's data stays in their own folder; installing a newer version later keeps it."
LangString ModeComputerText ${LANG_FRENCH} "Raccourcis dans le menu Démarrer et sur le bureau. Les données de chaque utilisateur Windows restent dans son dossier ; une nouvelle version installée plus tard les garde."
LangString ModeComputerText ${LANG_PORTUGUESE} "Atalhos no menu Iniciar e no ambiente de trabalho. Os dados de cada utilizador do Windows ficam na sua pasta; uma versão mais recente instalada depois mantém-nos."
LangString ModeComputerText ${LANG_SPANISH} "Accesos directos en el menú Inicio y en el escritorio. Los datos de cada usuario de Windows quedan en su carpeta; una versión más reciente instalada después los conserva."

LangString ModePortable ${LANG_ENGLISH} "Portable copy (USB stick)"
LangString ModePortable ${LANG_FRENCH} "Copie portable (clé USB)"
LangString ModePortable ${LANG_PORTUGUESE} "Cópia portátil (pen USB)"
LangString ModePortable ${LANG_SPANISH} "Copia portátil (memoria USB)"

LangString ModePortableText ${LANG_ENGLISH} "Everything in one folder you choose, the data in its data folder: take it from PC to PC. No shortcuts, nothing written to this computer."
LangString ModePortableText ${LANG_FRENCH} "Tout dans un dossier de votre choix, les données dans son dossier data : emportez-le d'un PC à l'autre. Aucun raccourci, rien n'est écrit sur cet ordinateur."
LangString ModePortableText ${LANG_PORTUGUESE} "Tudo numa pasta à sua escolha, os dados na sua pasta data: leve-a de um PC para outro. Sem atalhos, nada é escrito neste computador."
LangString ModePortableText ${LANG_SPANISH} "Todo en una carpeta que usted elige, los datos en su carpeta data: llévela de un PC a otro. Sin accesos directos, nada se escribe en este equipo."

LangString CloseFirst ${LANG_ENGLISH} "StockDesk is running. Close it on this computer (every user), then press Retry."
LangString CloseFirst ${LANG_FRENCH} "StockDesk est ouvert. Fermez-le sur cet ordinateur (pour chaque utilisateur), puis appuyez sur Réessayer."
LangString CloseFirst ${LANG_PORTUGUESE} "O StockDesk está aberto. Feche-o neste computador (em todos os utilizadores) e prima Repetir."
LangString CloseFirst ${LANG_SPANISH} "StockDesk está abierto. Ciérrelo en este equipo (para cada usuario) y pulse Reintentar."
