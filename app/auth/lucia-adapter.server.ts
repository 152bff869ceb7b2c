/**
 * Lucia's storage over our Prisma client. Lucia 3 is deprecated upstream but small and stable; it is
 * used only inside app/auth/ so that replacing it touches one folder (README « Décisions », D2).
 */
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "~/db/create-db.server.ts";

const USER_FIELDS = { id: true, email: true, name: true, profile: true, role: true } as const;

type UserRow = { id: string; email: string; name: string; profile: string; role: string };
type SessionRow = { id: string; userId: string; expiresAt: Date };

function toDatabaseUser({ id, ...attributes }: UserRow): DatabaseUser {
  return { id, attributes };
}

function toDatabaseSession(row: SessionRow): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

export class PrismaLuciaAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await this.db.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, user: { select: USER_FIELDS } },
    });
    if (!row) return [null, null];
    return [toDatabaseSession(row), toDatabaseUser(row.user)];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.session.findMany({
      where: { userId },
      select: { id: true, userId: true, expiresAt: true },
    });
    return rows.map(toDatabaseSession);
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}
