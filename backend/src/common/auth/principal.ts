/** Who a token speaks for. `staff` uses the console, `customer` the mini-program, `escort` the workbench. */
export type Audience = 'staff' | 'customer' | 'escort';

export interface Principal {
  audience: Audience;
  userId: number;
  sessionId: string;
  displayName: string;
  /** Staff only; empty for customers and escorts. */
  roles: string[];
  permissions: Set<string>;
  /** Staff city scope: null means every city (admin). */
  cityIds: number[] | null;
}

declare module '@midwayjs/core' {
  interface Context {
    requestId: string;
    principal?: Principal;
  }
}
