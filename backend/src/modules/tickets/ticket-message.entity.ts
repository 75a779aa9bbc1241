import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

/** reply = seen by the opener; note = internal, staff only; event = what happened (status, assignment). */
export type TicketMessageKind = 'reply' | 'note' | 'event';

/** The ticket's conversation, append-only. */
@Entity('ticket_messages')
@Index('idx_ticket_messages_ticket', ['ticketId', 'id'])
export class TicketMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'ticket_id' })
  ticketId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: TicketMessageKind;

  @Column({ type: 'varchar', length: 16, name: 'author_type' })
  authorType: 'customer' | 'escort' | 'staff' | 'system';

  @Column({ type: 'int', name: 'author_id', nullable: true })
  authorId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'author_name' })
  authorName: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  photos: string[];

  /** A knowledge-base article support inserted into the reply. */
  @Column({ type: 'int', name: 'article_id', nullable: true })
  articleId: number | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
