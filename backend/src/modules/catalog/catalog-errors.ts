import { AppError, Errors } from '../../common/errors';

/** The catalog's refusals, with the stable codes the orders module and the clients branch on. */
export const CatalogErrors = {
  serviceNotFound: () => new AppError(404, 'SERVICE_NOT_FOUND', '服务项目不存在或已下架'),
  serviceNotOffered: (name: string) => Errors.rule('SERVICE_NOT_OFFERED', `该城市暂未开通「${name}」服务`),
};
