/**
 * One generated export per WhatsApp UI language of whatsappLocales.ts: every
 * placeholder of the row is a message from its author, and the membership
 * lines and the encryption notice are events, never posts. The sentences are
 * written here by hand (the table holds patterns, which cannot be inverted).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatsappImporter } from './whatsapp.js';
import { WHATSAPP_LOCALES } from './whatsappLocales.js';
import { collect, ofKind } from './testkit.js';

/** Ana adds Bea, Cleo joins by link, Bea leaves, Ana removes Cleo (deleted messages come from the table). */
interface Sample {
  encryption: string;
  joinedByLink: string;
  added: string;
  left: string;
  removed: string;
}

const SAMPLES: Record<string, Sample> = {
  en: {
    encryption: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
    joinedByLink: "Cleo joined using this group's invite link",
    added: 'Ana added Bea',
    left: 'Bea left',
    removed: 'Ana removed Cleo',
  },
  'zh-Hans': {
    encryption: '消息和通话已进行端到端加密。此对话之外的任何人，甚至是 WhatsApp，都无法读取或收听。',
    joinedByLink: 'Cleo 通过此群组的邀请链接加入',
    added: 'Ana 添加了 Bea',
    left: 'Bea 已退出',
    removed: 'Ana 将 Cleo 移出了群组',
  },
  'zh-Hant': {
    encryption: '訊息和通話均經端對端加密。此對話以外的任何人（即使是 WhatsApp）都無法讀取或收聽。',
    joinedByLink: 'Cleo 已透過此群組的邀請連結加入',
    added: 'Ana 已新增 Bea',
    left: 'Bea 已退出',
    removed: 'Ana 已移除 Cleo',
  },
  es: {
    encryption: 'Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.',
    joinedByLink: 'Cleo se unió usando el enlace de invitación de este grupo',
    added: 'Ana añadió a Bea',
    left: 'Bea salió del grupo',
    removed: 'Ana eliminó a Cleo',
  },
  pt: {
    encryption: 'As mensagens e as ligações são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa.',
    joinedByLink: 'Cleo entrou usando o link de convite deste grupo',
    added: 'Ana adicionou Bea',
    left: 'Bea saiu',
    removed: 'Ana removeu Cleo',
  },
  de: {
    encryption: 'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.',
    joinedByLink: 'Cleo ist über den Einladungslink dieser Gruppe beigetreten',
    added: 'Ana hat Bea hinzugefügt',
    left: 'Bea hat die Gruppe verlassen',
    removed: 'Ana hat Cleo entfernt',
  },
  fr: {
    encryption: 'Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter.',
    joinedByLink: "Cleo a rejoint en utilisant le lien d'invitation de ce groupe",
    added: 'Ana a ajouté Bea',
    left: 'Bea est partie',
    removed: 'Ana a retiré Cleo',
  },
  it: {
    encryption: 'I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.',
    joinedByLink: 'Cleo si è unita tramite il link di invito al gruppo',
    added: 'Ana ha aggiunto Bea',
    left: 'Bea è uscita',
    removed: 'Ana ha rimosso Cleo',
  },
  ru: {
    encryption: 'Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, не могут прочитать ваши сообщения или прослушать звонки.',
    joinedByLink: 'Cleo присоединился(-ась) к группе по ссылке-приглашению',
    added: 'Ana добавил(-а) Bea',
    left: 'Bea вышел(-ла)',
    removed: 'Ana удалил(-а) Cleo',
  },
  id: {
    encryption: 'Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.',
    joinedByLink: 'Cleo bergabung menggunakan tautan undangan grup ini',
    added: 'Ana menambahkan Bea',
    left: 'Bea keluar',
    removed: 'Ana mengeluarkan Cleo',
  },
  tr: {
    encryption: 'Mesajlar ve aramalar uçtan uca şifrelidir. WhatsApp dahil olmak üzere bu sohbetin dışında bulunan hiç kimse bunları okuyamaz ve dinleyemez.',
    joinedByLink: 'Cleo bu grubun davet bağlantısını kullanarak katıldı',
    added: 'Ana, Bea kişisini ekledi',
    left: 'Bea ayrıldı',
    removed: 'Ana, Cleo kişisini çıkardı',
  },
  ja: {
    encryption: 'メッセージと通話はエンドツーエンドで暗号化されています。WhatsAppを含むこのチャットの外部の人は、これらを読んだり聞いたりすることはできません。',
    joinedByLink: 'Cleoがこのグループの招待リンクから参加しました',
    added: 'AnaがBeaを追加しました',
    left: 'Beaが退出しました',
    removed: 'AnaがCleoを削除しました',
  },
  ko: {
    encryption: '메시지와 통화는 종단간 암호화됩니다. WhatsApp을 포함해 채팅방 외부의 누구도 메시지를 읽거나 통화를 들을 수 없습니다.',
    joinedByLink: 'Cleo님이 이 그룹의 초대 링크로 참여했습니다',
    added: 'Ana님이 Bea님을 추가했습니다',
    left: 'Bea님이 나갔습니다',
    removed: 'Ana님이 Cleo님을 내보냈습니다',
  },
  ar: {
    encryption: 'الرسائل والمكالمات مشفرة تمامًا بين الطرفين، بحيث لا يستطيع أحد خارج هذه الدردشة، ولا حتى شركة واتساب نفسها، قراءتها أو الاستماع إليها.',
    joinedByLink: '\u200fCleo انضم باستخدام رابط الدعوة لهذه المجموعة',
    added: '\u200fAna أضاف Bea',
    left: '\u200fBea غادر',
    removed: '\u200fAna أزال Cleo',
  },
};

async function read(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'wa-locale-'));
  try {
    const file = join(dir, 'chat.txt');
    await writeFile(file, text);
    return await collect(whatsappImporter.read(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('WhatsApp system lines and media placeholders in every language of the table', () => {
  it('every row of the table has a hand-written sample here', () => {
    expect(WHATSAPP_LOCALES.map((l) => l.lang).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const locale of WHATSAPP_LOCALES) {
    it(`${locale.lang}: placeholders are their author's messages; joins, adds, leaves, removals and the encryption notice are not posts`, async () => {
      const s = SAMPLES[locale.lang]!;
      // Android layout for system lines, iPhone layout (LRM before the text) for half of the placeholders.
      const lines = [
        `2/1/24, 09:00 - ${s.encryption}`,
        `2/1/24, 09:01 - Ana: hello`,
        `2/1/24, 09:02 - ${s.added}`,
        `2/1/24, 09:03 - ${s.joinedByLink}`,
        ...locale.media.map(([text], i) => `2/1/24, 10:${String(i).padStart(2, '0')} - Bea: ${i % 2 ? '\u200e' : ''}${text}`),
        ...locale.deleted.map((text, i) => `2/1/24, 10:5${i} - Ana: ${i % 2 ? '\u200e' : ''}${text}${i === 0 ? '.' : ''}`),
        `2/1/24, 11:00 - ${s.left}`,
        `2/1/24, 11:01 - ${s.removed}`,
      ];
      const events = await read(lines.join('\n') + '\n');
      const posts = events.filter((e) => e.kind === 'content.posted');
      expect(posts.map((e) => e.actorName)).toEqual(['Ana', ...locale.media.map(() => 'Bea')]);
      expect(posts.slice(1).map((e) => e.data?.media)).toEqual(locale.media.map(([, kind]) => kind));
      expect(posts.slice(1).every((e) => e.data?.text === '')).toBe(true);
      expect(ofKind(events, 'member.joined').map((e) => [e.targetName, e.actorName])).toEqual([
        ['Bea', 'Ana'],
        ['Cleo', 'Cleo'],
      ]);
      expect(ofKind(events, 'member.left').map((e) => e.targetName)).toEqual(['Bea']);
      expect(ofKind(events, 'member.removed').map((e) => [e.targetName, e.actorName])).toEqual([['Cleo', 'Ana']]);
      // The notice is one system event with no author, so it makes nobody a member.
      const system = ofKind(events, 'system.other');
      const notice = system.filter((e) => e.data?.deleted !== true);
      expect(notice).toHaveLength(1);
      expect(notice[0]!.actorId).toBeNull();
      // A deleted message is its author's system event, never a post with the placeholder as text.
      expect(system.filter((e) => e.data?.deleted === true).map((e) => e.actorName)).toEqual(locale.deleted.map(() => 'Ana'));
    });
  }
});
