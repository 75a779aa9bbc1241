/**
 * The documents a customer agrees to. Bumping a version makes every earlier agreement to that
 * document outdated: the app asks again. The text lives here so the version and the words that
 * were agreed to can never drift apart.
 */
export type ConsentKind = 'terms' | 'privacy' | 'health_data';

export const CONSENT_KINDS: ConsentKind[] = ['terms', 'privacy', 'health_data'];

export interface ConsentDocument {
  kind: ConsentKind;
  title: string;
  version: string;
  /** Paragraphs, shown in order. */
  paragraphs: string[];
}

export const CONSENT_DOCUMENTS: Record<ConsentKind, ConsentDocument> = {
  terms: {
    kind: 'terms',
    title: '用户服务协议',
    version: '2026-11-01',
    paragraphs: [
      '本平台为您提供陪诊、陪护与同城代办的预约服务，服务由经平台审核的陪诊师提供。',
      '下单后请在支付时限内完成支付，超时订单将自动关闭。服务开始前可取消或改约，违约金按订单页展示的取消规则计算。',
      '服务结束时请向陪诊师出示订单中的核销码，核销后订单完成。对服务有异议可在订单中联系客服。',
      '陪诊师不提供诊疗建议，不代替医生做出医疗决定。',
    ],
  },
  privacy: {
    kind: 'privacy',
    title: '隐私政策',
    version: '2026-11-01',
    paragraphs: [
      '我们收集您的手机号用于登录和订单通知，收集就诊人姓名、关系、联系电话用于安排服务。',
      '手机号、身份证号、健康信息、紧急联系人在服务器上加密保存，列表中只显示脱敏后的内容。',
      '就诊人信息仅在服务期间向接单的陪诊师展示，服务结束后陪诊师无法再查看。',
      '您可以随时在“就诊人”中修改或删除信息，也可以撤回对健康信息处理的授权。',
    ],
  },
  health_data: {
    kind: 'health_data',
    title: '健康信息处理授权',
    version: '2026-11-01',
    paragraphs: [
      '过敏史、慢性病、用药情况属于敏感个人信息。填写后，我们仅为安排和提供本次陪诊服务使用。',
      '这些信息加密保存，只在订单服务期间向接单的陪诊师展示，便于其在就医过程中照顾就诊人。',
      '撤回授权后，已填写的健康信息不会再向陪诊师展示的新订单提供；您也可以在就诊人资料中删除它们。',
    ],
  },
};
