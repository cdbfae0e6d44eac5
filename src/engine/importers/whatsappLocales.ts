/**
 * The words WhatsApp writes, per UI language, for the lines of an export that
 * are not somebody's own words: media placeholders (a message from its author,
 * without text), membership lines (joined by link, added, left, removed) and
 * the end-to-end encryption notice (a system line).
 *
 * One row per language; whatsappText.ts builds its matchers from this table, and
 * whatsapp-locales.test.ts checks every row with a generated export. Where the
 * strings come from (see also docs/importers.md §WhatsApp locales):
 *  - Android "<… omitted>" placeholders: the per-language list kept by the
 *    chat-analytics project (github.com/mlomb/chat-analytics,
 *    pipeline/parse/parsers/WhatsApp.ts).
 *  - iPhone placeholders, encryption notices and deleted-message texts for en,
 *    es, pt-PT, de, fr, it, ru, ar: the enum of system texts of an open-source Dart WhatsApp export
 *    reader, cross-checked with parsers that quote the same strings (pt-BR
 *    "imagem ocultada", "figurinha omitida"; de "Bild weggelassen").
 *  - Spanish and English membership lines: an open-source TypeScript reader of
 *    WhatsApp group notices (English and Spanish tables).
 *  - The rest (membership lines in the other languages, iPhone placeholders in
 *    id/tr/ja/ko/zh-Hant) follow WhatsApp's wording as exports show it and are
 *    left out of `sourced` until an export in that language confirms them.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';

export interface WhatsappLocale {
  /** BCP-47 tag of the WhatsApp UI language the row covers. */
  lang: string;
  /** Which parts were taken from a maintained source (see above); the rest await an export to confirm them. */
  sourced: ('media' | 'membership' | 'encryption' | 'deleted')[];
  /** Exact placeholder texts (compared case-insensitively, after trimming). */
  media: [string, MediaKind][];
  /** "X joined using this group's invite link" (capture 1: who). */
  joinedByLink: RegExp[];
  /** "X joined" with no inviter (capture 1: who). */
  joined: RegExp[];
  /** "X left" (capture 1: who). */
  left: RegExp[];
  /** "X added Y, Z" (capture 1: actor, 2: the list). */
  added: RegExp[];
  /** "X removed Y" (capture 1: actor, 2: the list). */
  removed: RegExp[];
  /** The first words of the end-to-end encryption notice. */
  encryption: string[];
  /** What stands in place of a deleted message (by its author, or "you"); compared without a final full stop. */
  deleted: string[];
}

const N = '(.+?)'; // a name: as short as the rest of the line allows
const line = (s: string): RegExp => new RegExp(`^${s}$`, 'u');

export const WHATSAPP_LOCALES: WhatsappLocale[] = [
  {
    lang: 'en',
    sourced: ['media', 'membership', 'encryption', 'deleted'],
    media: [
      ['<Media omitted>', 'other'],
      ['image omitted', 'photo'],
      ['video omitted', 'video'],
      ['audio omitted', 'voice'],
      ['sticker omitted', 'sticker'],
      ['GIF omitted', 'gif'],
      ['document omitted', 'file'],
      ['Contact card omitted', 'contact'],
    ],
    joinedByLink: [line(`${N} joined using this group['’]s invite link`), line(`${N} joined from the community`)],
    joined: [line(`${N} joined`)],
    left: [line(`${N} left`)],
    added: [line(`${N} added (.+)`)],
    removed: [line(`${N} removed (.+)`)],
    encryption: ['Messages and calls are end-to-end encrypted', 'Messages to this group are now secured with end-to-end encryption'],
    deleted: ['This message was deleted', 'You deleted this message'],
  },
  {
    lang: 'zh-Hans',
    sourced: ['media'],
    media: [
      ['<媒体文件已省略>', 'other'],
      ['<省略多媒体文件>', 'other'],
      ['<媒体已省略>', 'other'],
      ['图片已省略', 'photo'],
      ['图片已忽略', 'photo'],
      ['图像已省略', 'photo'],
      ['视频已省略', 'video'],
      ['视频已忽略', 'video'],
      ['音频已省略', 'voice'],
      ['音频已忽略', 'voice'],
      ['语音已省略', 'voice'],
      ['贴图已省略', 'sticker'],
      ['贴图已忽略', 'sticker'],
      ['GIF已省略', 'gif'],
      ['GIF已忽略', 'gif'],
      ['文档已省略', 'file'],
      ['文档已忽略', 'file'],
      ['联系人名片已省略', 'contact'],
      ['联系人名片已忽略', 'contact'],
    ],
    joinedByLink: [line(`${N} ?通过(?:此群组的|群组)?邀请链接加入(?:了)?(?:此)?(?:群组|群聊)?`)],
    joined: [line(`${N} ?(?:已)?加入了?(?:此)?(?:群组|群聊)?`)],
    left: [line(`${N} ?(?:已)?(?:退出|离开)了?(?:此)?(?:群组|群聊)?`)],
    added: [line(`${N} ?(?:已)?添加了 ?(.+)`)],
    removed: [line(`${N} ?(?:已)?将 ?(.+?) ?(?:移出|移除)(?:了)?(?:此)?(?:群组|群聊)?`), line(`${N} ?(?:已)?(?:移除|移出)了 ?(.+)`)],
    encryption: ['消息和通话已进行端到端加密', '消息和通话都进行端到端加密'],
    deleted: ['此消息已删除', '你删除了此消息', '您删除了此消息'],
  },
  {
    lang: 'zh-Hant',
    sourced: ['media'],
    media: [
      ['<忽略多媒體檔>', 'other'],
      ['<省略影音內容>', 'other'],
      ['<省略影音内容>', 'other'],
      ['圖片已略去', 'photo'],
      ['影片已略去', 'video'],
      ['音訊已略去', 'voice'],
      ['貼圖已略去', 'sticker'],
      ['GIF已略去', 'gif'],
      ['文件已略去', 'file'],
    ],
    joinedByLink: [line(`${N} ?(?:已)?(?:透過|使用)(?:此)?群組(?:的)?邀請連結加入(?:了)?(?:群組)?`)],
    joined: [line(`${N} ?已加入(?:群組)?`)],
    left: [line(`${N} ?(?:已)?(?:退出|離開)(?:了)?(?:群組)?`)],
    added: [line(`${N} ?(?:已)?新增了? ?(.+)`)],
    removed: [line(`${N} ?(?:已)?(?:移除|移出)了? ?(.+)`)],
    encryption: ['訊息和通話均經端對端加密', '訊息和通話都經過端對端加密'],
    deleted: ['此訊息已刪除', '你已刪除此訊息'],
  },
  {
    lang: 'es',
    sourced: ['media', 'membership', 'encryption', 'deleted'],
    media: [
      ['<Multimedia omitido>', 'other'],
      ['<Archivo omitido>', 'other'],
      ['imagen omitida', 'photo'],
      ['video omitido', 'video'],
      ['audio omitido', 'voice'],
      ['sticker omitido', 'sticker'],
      ['GIF omitido', 'gif'],
      ['documento omitido', 'file'],
      ['Tarjeta de contacto omitida', 'contact'],
    ],
    joinedByLink: [line(`${N} se uni[oó] (?:usando|mediante|con) el enlace de invitaci[oó]n (?:de este|del) grupo`)],
    joined: [line(`${N} se uni[oó]`)],
    left: [line(`${N} sali[oó] del grupo`)],
    added: [line(`${N} a[ñn]adi[oó] a (.+)`)],
    removed: [line(`${N} elimin[oó] a (.+)`)],
    encryption: ['Los mensajes y las llamadas están cifrados de extremo a extremo'],
    deleted: ['Se eliminó este mensaje', 'Eliminaste este mensaje'],
  },
  {
    lang: 'pt',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<Mídia oculta>', 'other'],
      ['<Arquivo de mídia oculto>', 'other'],
      ['<Mídia omitida>', 'other'],
      ['<ficheiro não revelado>', 'other'],
      ['imagem ocultada', 'photo'],
      ['imagem não revelada', 'photo'],
      ['vídeo omitido', 'video'],
      ['vídeo ocultado', 'video'],
      ['vídeo não revelado', 'video'],
      ['áudio ocultado', 'voice'],
      ['ficheiro de áudio não revelado', 'voice'],
      ['figurinha omitida', 'sticker'],
      ['sticker não revelado', 'sticker'],
      ['GIF omitido', 'gif'],
      ['GIF não revelada', 'gif'],
      ['documento omitido', 'file'],
      ['documento não revelado', 'file'],
      ['Cartão do contato omitido', 'contact'],
      ['Contacto não revelado', 'contact'],
    ],
    joinedByLink: [line(`${N} entrou (?:usando o|através do|pelo) link de convite d(?:este|o) grupo`)],
    joined: [line(`${N} entrou`)],
    left: [line(`${N} saiu`)],
    added: [line(`${N} adicionou (.+)`)],
    removed: [line(`${N} removeu (.+)`)],
    encryption: ['As mensagens e as ligações são protegidas com a criptografia de ponta a ponta', 'As mensagens e chamadas são encriptadas ponto a ponto'],
    deleted: ['Esta mensagem foi apagada', 'Mensagem apagada', 'Apagou esta mensagem', 'Você apagou esta mensagem'],
  },
  {
    lang: 'de',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<Medien ausgeschlossen>', 'other'],
      ['<Medien weggelassen>', 'other'],
      ['Bild weggelassen', 'photo'],
      ['Video weggelassen', 'video'],
      ['Audio weggelassen', 'voice'],
      ['Sticker weggelassen', 'sticker'],
      ['GIF weggelassen', 'gif'],
      ['Dokument weggelassen', 'file'],
      ['Kontaktkarte ausgelassen', 'contact'],
    ],
    joinedByLink: [line(`${N} ist über den Einladungslink dieser Gruppe beigetreten`)],
    joined: [line(`${N} ist beigetreten`)],
    left: [line(`${N} hat die Gruppe verlassen`)],
    added: [line(`${N} hat (.+) hinzugefügt`)],
    removed: [line(`${N} hat (.+) entfernt`)],
    encryption: ['Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt'],
    deleted: ['Diese Nachricht wurde gelöscht', 'Du hast diese Nachricht gelöscht'],
  },
  {
    lang: 'fr',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<Médias omis>', 'other'],
      ['<Fichier omis>', 'other'],
      ['image absente', 'photo'],
      ['vidéo absente', 'video'],
      ['audio omis', 'voice'],
      ['sticker omis', 'sticker'],
      ['GIF retiré', 'gif'],
      ['document manquant', 'file'],
      ['Fiche contact manquante', 'contact'],
    ],
    joinedByLink: [line(`${N} (?:a rejoint|s['’]est joint\\(?e?\\)?) (?:en utilisant le|via le) lien d['’]invitation de ce groupe`)],
    joined: [line(`${N} a rejoint le groupe`)],
    left: [line(`${N} est parti\\(?e?\\)?`)],
    added: [line(`${N} a ajouté (.+)`)],
    removed: [line(`${N} a retiré (.+)`)],
    encryption: ['Les messages et les appels sont chiffrés de bout en bout'],
    deleted: ['Ce message a été supprimé', 'Vous avez supprimé ce message'],
  },
  {
    lang: 'it',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<Media omessi>', 'other'],
      ['<Media omesso>', 'other'],
      ['immagine omessa', 'photo'],
      ['video omesso', 'video'],
      ['audio omesso', 'voice'],
      ['sticker non incluso', 'sticker'],
      ['GIF esclusa', 'gif'],
      ['documento omesso', 'file'],
      ['Scheda contatto omessa', 'contact'],
    ],
    joinedByLink: [line(`${N} si è unit[oa](?:\\/a)? tramite (?:il )?link (?:di |d['’])invito(?: del| al)? gruppo`)],
    joined: [line(`${N} si è unit[oa](?:\\/a)?`)],
    left: [line(`${N} è uscit[oa](?:\\/a)?`)],
    added: [line(`${N} ha aggiunto (.+)`)],
    removed: [line(`${N} ha rimosso (.+)`)],
    encryption: ['I messaggi e le chiamate sono crittografati end-to-end'],
    deleted: ['Questo messaggio è stato eliminato', 'Hai eliminato questo messaggio'],
  },
  {
    lang: 'ru',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<Без медиафайлов>', 'other'],
      ['<Файл пропущен>', 'other'],
      ['изображение отсутствует', 'photo'],
      ['видео отсутствует', 'video'],
      ['аудио отсутствует', 'voice'],
      ['стикер не добавлен', 'sticker'],
      ['GIF отсутствует', 'gif'],
      ['документ отсутствует', 'file'],
      ['карточка контакта отсутствует', 'contact'],
    ],
    joinedByLink: [line(`${N} присоединил(?:ся|ась|ся\\(-ась\\)) (?:к группе )?по ссылке-приглашению(?: в эту группу)?`)],
    joined: [line(`${N} присоединил(?:ся|ась|ся\\(-ась\\))`)],
    left: [line(`${N} вы(?:шел|шла|шел\\(-ла\\))`)],
    added: [line(`${N} добавил(?:а|\\(-а\\))? (.+)`)],
    removed: [line(`${N} удалил(?:а|\\(-а\\))? (.+)`)],
    encryption: ['Сообщения и звонки защищены сквозным шифрованием'],
    deleted: ['Данное сообщение удалено', 'Вы удалили данное сообщение'],
  },
  {
    lang: 'id',
    sourced: ['media'],
    media: [
      ['<Media tidak disertakan>', 'other'],
      ['gambar tidak disertakan', 'photo'],
      ['video tidak disertakan', 'video'],
      ['audio tidak disertakan', 'voice'],
      ['stiker tidak disertakan', 'sticker'],
      ['GIF tidak disertakan', 'gif'],
      ['dokumen tidak disertakan', 'file'],
    ],
    joinedByLink: [line(`${N} bergabung (?:menggunakan|lewat|melalui) tautan undangan grup ini`)],
    joined: [line(`${N} bergabung`)],
    left: [line(`${N} keluar`)],
    added: [line(`${N} menambahkan (.+)`)],
    removed: [line(`${N} mengeluarkan (.+)`)],
    encryption: ['Pesan dan panggilan terenkripsi secara end-to-end'],
    deleted: ['Pesan ini telah dihapus', 'Anda menghapus pesan ini'],
  },
  {
    lang: 'tr',
    sourced: ['media'],
    media: [
      ['<Medya dahil edilmedi>', 'other'],
      ['<Medya atlanmış>', 'other'],
      ['görüntü dahil edilmedi', 'photo'],
      ['video dahil edilmedi', 'video'],
      ['ses dahil edilmedi', 'voice'],
      ['çıkartma dahil edilmedi', 'sticker'],
      ['GIF dahil edilmedi', 'gif'],
      ['belge dahil edilmedi', 'file'],
    ],
    joinedByLink: [line(`${N},? bu grubun davet bağlantısını kullanarak katıldı`)],
    joined: [line(`${N},? katıldı`)],
    left: [line(`${N},? ayrıldı`)],
    added: [line(`${N},? (.+?) (?:kişisini )?ekledi`)],
    removed: [line(`${N},? (.+?) (?:kişisini )?çıkardı`)],
    encryption: ['Mesajlar ve aramalar uçtan uca şifrelidir'],
    deleted: ['Bu mesaj silindi', 'Bu mesajı sildiniz'],
  },
  {
    lang: 'ja',
    sourced: ['media'],
    media: [
      ['<メディアなし>', 'other'],
      ['<メディアは含まれていません>', 'other'],
      ['画像を省略', 'photo'],
      ['動画を省略', 'video'],
      ['音声を省略', 'voice'],
      ['スタンプを省略', 'sticker'],
      ['GIFを省略', 'gif'],
      ['ドキュメントを省略', 'file'],
    ],
    joinedByLink: [line(`${N}(?:さん)?がこのグループの招待リンクから参加しました`)],
    joined: [line(`${N}(?:さん)?が参加しました`)],
    left: [line(`${N}(?:さん)?が退出しました`)],
    added: [line(`${N}(?:さん)?が(.+?)(?:さん)?を追加しました`)],
    removed: [line(`${N}(?:さん)?が(.+?)(?:さん)?を削除しました`)],
    encryption: ['メッセージと通話はエンドツーエンドで暗号化されています'],
    deleted: ['このメッセージは削除されました', 'あなたはこのメッセージを削除しました'],
  },
  {
    lang: 'ko',
    sourced: ['media'],
    media: [
      ['<미디어 파일 제외됨>', 'other'],
      ['<미디어 파일을 생략한 대화내용>', 'other'],
      ['사진 생략됨', 'photo'],
      ['동영상 생략됨', 'video'],
      ['오디오 생략됨', 'voice'],
      ['스티커 생략됨', 'sticker'],
      ['GIF 생략됨', 'gif'],
      ['문서 생략됨', 'file'],
    ],
    joinedByLink: [line(`${N}님이 (?:이 )?그룹(?:의)? 초대 링크(?:로|를 통해) 참여했습니다`)],
    joined: [line(`${N}님이 참여했습니다`)],
    left: [line(`${N}님이 나갔습니다`)],
    added: [line(`${N}님이 (.+?)님을 추가했습니다`)],
    removed: [line(`${N}님이 (.+?)님을 (?:내보냈습니다|삭제했습니다)`)],
    encryption: ['메시지와 통화는 종단간 암호화'],
    deleted: ['삭제된 메시지입니다', '메시지를 삭제했습니다'],
  },
  {
    lang: 'ar',
    sourced: ['media', 'encryption', 'deleted'],
    media: [
      ['<تم استبعاد الوسائط>', 'other'],
      ['لم يتم إدراج الصورة', 'photo'],
      ['لم يتم إدراج الفيديوهات', 'video'],
      ['لم يتم إدراج المقاطع الصوتية', 'voice'],
      ['تم حذف الملصقات', 'sticker'],
      ['لم يتم إدراج صورة GIF', 'gif'],
      ['لم يتم إدراج المستند', 'file'],
      ['لم يتم إدراج بطاقة جهة اتصال', 'contact'],
    ],
    joinedByLink: [line(`${N} انضم(?:ت)? باستخدام رابط الدعوة (?:لهذه|الخاص بهذه) المجموعة`)],
    joined: [line(`${N} انضم(?:ت)?`)],
    left: [line(`${N} غادر(?:ت)?`)],
    added: [line(`${N} أضاف(?:ت)? (.+)`)],
    removed: [line(`${N} أزال(?:ت)? (.+)`)],
    encryption: ['الرسائل والمكالمات مشفرة تمامًا بين الطرفين'],
    deleted: ['تم حذف هذه الرسالة', 'لقد حذفت هذه الرسالة'],
  },
];
